/**
 * Card data hygiene of the chip check, in process: every answer buffer that held card data is zeroed
 * once the check is done with it, and nothing it reports carries the simulated card's number, track 2 or
 * cardholder name in any form.
 */
import { Apdu, Ccid } from '../../../hal/reader/ccid/ccid-driver';
import { PcToRdr } from '../../../hal/reader/ccid/ccid-codec';
import { createChipReaderCheck } from '../../../hal/reader/ccid/chip-check';
import { runChecks } from '../../../hal/selfcheck';
import { CcidSimulator, SIM_PAN } from '../../../mocks/ccid-sim';
import { InProcessBinding } from '../../../mocks/in-process-binding';

test('the external check zeroes every card answer and reports neither the card number nor the name', async () => {
  const binding = new InProcessBinding();
  const sim = new CcidSimulator('healthy');
  binding.connect('/dev/ttyCCID', sim);
  const seen: Apdu[] = [];
  const transmit = Ccid.prototype.transmit;
  const spy = jest.spyOn(Ccid.prototype, 'transmit').mockImplementation(async function (this: Ccid, apdu, signal) {
    const r = await transmit.call(this, apdu, signal);
    seen.push(r);
    return r;
  });
  try {
    const check = createChipReaderCheck({ binding }, { path: '/dev/ttyCCID' }, { readExpiry: true, today: () => new Date(2026, 11, 6) });
    const result = await runChecks([check], { level: 'external' });
    expect(result.devices[0].status).toBe('pass');
    // SELECT PSE, SELECT AID, GPO and at least the record with the card number were read…
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.reduce((n, r) => n + r.data.length, 0)).toBeGreaterThan(100);
    // …and every byte of them is zero now.
    for (const r of seen) expect(Array.from(r.data).every((b) => b === 0)).toBe(true);
    const out = JSON.stringify(result);
    expect(out.replace(/\D/g, '')).not.toContain(SIM_PAN.slice(6, 12));
    expect(out).not.toMatch(/ZHANG|SAN\b/);
  } finally {
    spy.mockRestore();
  }
});

test("the reader's answer to each APDU is zeroed too, not only the copy the check is given", async () => {
  const binding = new InProcessBinding();
  binding.connect('/dev/ttyCCID', new CcidSimulator('healthy'));
  const answers: Uint8Array[] = [];
  const transact = Ccid.prototype.transact;
  const spy = jest.spyOn(Ccid.prototype, 'transact').mockImplementation(async function (this: Ccid, type, ...rest) {
    const m = await transact.call(this, type, ...rest);
    if (type === PcToRdr.XfrBlock) answers.push(m.data);
    return m;
  });
  try {
    const check = createChipReaderCheck({ binding }, { path: '/dev/ttyCCID' }, { readExpiry: true, today: () => new Date(2026, 11, 6) });
    const result = await runChecks([check], { level: 'external' });
    expect(result.devices[0].status).toBe('pass');
    // The records with the card number came through here…
    expect(answers.reduce((n, a) => n + a.length, 0)).toBeGreaterThan(100);
    // …and no byte of them is left in memory.
    expect(answers.filter((a) => a.some((b) => b !== 0)).length).toBe(0);
  } finally {
    spy.mockRestore();
  }
});
