/** The mock acquirer host itself: its answer bytes, its faults at the socket level, and a clean close. */
import { systemClock } from '../../../hal/clock';
import { bytesToHex, hexToBytes } from '../../../hal/network/iso8583/codec';
import { systemResolver, tcpHostLink } from '../../../hal/network/host-link';
import { answerRequest, startHostSim } from '../../../mocks/host-sim';

const ascii = (s: string) => Buffer.from(s, 'latin1').toString('hex').toUpperCase();
// The hand-checked CUP 0800 of test/unit/network/iso8583-echo.test.ts, without its length header.
const CUP_0800_BODY = '6000030000' + '0800' + '0020000000C00010' + '000123' + ascii('10000001') + ascii('898310048990001') + '0011' + '000000013010';

describe('mock acquirer host', () => {
  it('answers the CUP 0800 with the hand-written 0810 (TPDU swapped, 39 inserted between 11 and 41)', () => {
    const expected = [
      '0033', // 51 bytes: the request's 49 + field 39's 2
      '6000000003',
      '0810',
      '0020000002C00010', // bit 39 added: 0x02 in byte 5
      '000123',
      '3936', // "96"
      ascii('10000001'),
      ascii('898310048990001'),
      '0011',
      '000000013010',
    ].join('');
    expect(bytesToHex(answerRequest(hexToBytes(CUP_0800_BODY), '96')!)).toBe(expected);
  });

  it('does not answer bytes it cannot read', () => {
    expect(answerRequest(hexToBytes('DEADBEEF'), '00')).toBeNull();
  });

  it('refuses an unknown fault', async () => {
    await expect(startHostSim({ fault: 'bogus' as never })).rejects.toThrow(/no fault "bogus"/);
  });

  it('blackhole: a connect times out, and close releases the port and the worker', async () => {
    const sim = await startHostSim({ fault: 'blackhole' });
    const signal = new AbortController().signal;
    const outcome = await tcpHostLink.tryConnect(sim.address, sim.port, { timeoutMs: 300, holdMs: 0, signal, clock: systemClock });
    expect(outcome).toMatchObject({ ok: false, failure: 'timeout' });
    await sim.close();
    // With the listener gone the port refuses: proof the worker's socket was closed.
    const after = await tcpHostLink.tryConnect(sim.address, sim.port, { timeoutMs: 300, holdMs: 0, signal, clock: systemClock });
    expect(after).toMatchObject({ ok: false, failure: 'refused' });
  });

  it('an aborted signal ends a connect at once', async () => {
    const sim = await startHostSim({ fault: 'blackhole' });
    const controller = new AbortController();
    const pending = tcpHostLink.tryConnect(sim.address, sim.port, { timeoutMs: 10_000, holdMs: 0, signal: controller.signal, clock: systemClock });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).resolves.toMatchObject({ ok: false, errno: 'ABORTED' });
    await sim.close();
  });
});

describe('systemResolver (no outside network)', () => {
  const o = { timeoutMs: 1000, signal: new AbortController().signal, clock: systemClock };
  it('an IP literal needs no lookup', async () => {
    await expect(systemResolver.resolve('127.0.0.1', o)).resolves.toEqual({ ok: true, addresses: ['127.0.0.1'], ms: 0 });
  });
  it('localhost resolves from the hosts file', async () => {
    const r = await systemResolver.resolve('localhost', o);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.addresses.some((a) => a === '127.0.0.1' || a === '::1')).toBe(true);
  });
});
