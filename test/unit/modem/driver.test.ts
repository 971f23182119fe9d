import { systemClock } from '../../../hal/clock';
import { isHalError } from '../../../hal/errors';
import { ModemDriver, Urc } from '../../../hal/modem/driver';
import { resolveModemTimeouts, MODEM_TIMEOUTS } from '../../../hal/modem/timeouts';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { ModemSimulator } from '../../../mocks/modem-sim';
import { DeviceSimulator } from '../../../mocks/simulator';

const PATH = '/dev/ttyMDM';

async function withModem(sim: DeviceSimulator, timeouts: Parameters<typeof ModemDriver.open>[0]['timeouts'], body: (m: ModemDriver) => Promise<void>) {
  const binding = new InProcessBinding();
  binding.connect(PATH, sim);
  const modem = await ModemDriver.open({ binding, path: PATH, baudRate: 115200, clock: systemClock, timeouts, lineTiming: { lateReplyQuietMs: 10, lateReplyDrainMs: 50 } });
  try {
    await body(modem);
  } finally {
    sim.stop();
    await modem.close();
  }
}

describe('timeouts are named options with ModemManager defaults', () => {
  test('defaults', () => {
    const t = resolveModemTimeouts();
    expect(t).toMatchObject({ probeMs: 3000, probeTries: 6, simMs: 10000, crsmMs: 20000, registrationMs: 10000, goneAfterTimeouts: 10 });
  });
  test.each([
    ['probeTries', 0],
    ['probeMs', 10],
    ['goneAfterTimeouts', 1.5],
    ['simMs', Number.NaN],
  ])('%s = %s is refused with the option named', (key, value) => {
    expect.assertions(2);
    try {
      resolveModemTimeouts({ [key]: value });
    } catch (err) {
      expect(isHalError(err, 'Config_Invalid')).toBe(true);
      expect((err as Error).message).toContain(`modem.timeouts.${key}`);
    }
  });
  test('every option documents a range that holds its default', () => {
    for (const spec of Object.values(MODEM_TIMEOUTS)) expect(spec.default >= spec.min && spec.default <= spec.max).toBe(true);
  });
});

describe('ModemDriver over an in-process line', () => {
  test('probe, init: echo is on at power-up and off after ATE0', async () => {
    const sim = new ModemSimulator('healthy');
    await withModem(sim, {}, async (m) => {
      expect(await m.probe()).toEqual({ tries: 1 });
      expect(await m.init()).toEqual({ echoStuck: false, refused: [] });
      const r = await m.exec('AT+CSQ', { timeoutMs: 500, prefixes: ['+CSQ:'] });
      expect(r).toEqual({ ok: true, lines: ['+CSQ: 21,0'], echoed: false });
      expect(sim.receivedBytes().toString('latin1')).toBe('AT\rATE0V1\rAT+CMEE=1\rAT+CSQ\r');
    });
  });

  test('a modem that keeps echoing is noticed and still understood', async () => {
    await withModem(new ModemSimulator('echo'), {}, async (m) => {
      await m.probe();
      expect((await m.init()).echoStuck).toBe(true);
      expect(await m.query('AT+CPIN?', { timeoutMs: 500, prefixes: ['+CPIN:'] })).toEqual(['+CPIN: READY']);
    });
  });

  test('a +CME ERROR is a result, not an exception; query turns it into Modem_AtError', async () => {
    await withModem(new ModemSimulator('no-sim'), {}, async (m) => {
      await m.probe();
      await m.init();
      const r = await m.exec('AT+CPIN?', { timeoutMs: 500, prefixes: ['+CPIN:'] });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.kind === 'cme' && r.error.info.id).toBe('sim-not-inserted');
      await expect(m.query('AT+CIMI', { timeoutMs: 500 })).rejects.toMatchObject({ code: 'Modem_AtError' });
    });
  });

  test('one command in flight: concurrent callers are served in order', async () => {
    const sim = new ModemSimulator('healthy');
    await withModem(sim, {}, async (m) => {
      await m.probe();
      await m.init();
      const [a, b, c] = await Promise.all([
        m.query('AT+CGMI', { timeoutMs: 500 }),
        m.query('AT+CSQ', { timeoutMs: 500, prefixes: ['+CSQ:'] }),
        m.query('AT+CGATT?', { timeoutMs: 500, prefixes: ['+CGATT:'] }),
      ]);
      expect([a, b, c]).toEqual([['SIMCOM_Ltd'], ['+CSQ: 21,0'], ['+CGATT: 1']]);
      // Each command was written only after the previous reply: never two in the modem's buffer.
      expect(sim.received.map((c) => c.toString('latin1')).slice(-3)).toEqual(['AT+CGMI\r', 'AT+CSQ\r', 'AT+CGATT?\r']);
    });
  });

  test('URCs become events and never the reply, even with the same prefix (FreeRTOS-Cellular-Interface #89)', async () => {
    const sim = new ModemSimulator('healthy');
    sim.override((chunk, s) => {
      if (chunk.toString('latin1') !== 'AT+CREG?\r') return false;
      s.reply('\r\n+CREG: 1,"1A2B","01C3D4E5"\r\n\r\n+CREG: 0,5\r\n\r\n+CIEV: "SIGNAL",3\r\n\r\nOK\r\n');
      return true;
    });
    await withModem(sim, {}, async (m) => {
      const urcs: Urc[] = [];
      m.onUrc((u) => urcs.push(u));
      await m.probe();
      await m.init();
      const lines = await m.query('AT+CREG?', { timeoutMs: 500, prefixes: ['+CREG:'], solicited: (l) => !/^\+CREG: \d,"/.test(l) });
      expect(lines).toEqual(['+CREG: 0,5']);
      expect(urcs.map((u) => u.line)).toEqual(['+CREG: 1,"1A2B","01C3D4E5"', '+CIEV: "SIGNAL",3']);
      expect(m.urcCount).toBe(2);
    });
  });

  test('a URC storm does not keep a command alive past its absolute deadline', async () => {
    const sim = new ModemSimulator('urc-storm', { urcIntervalMs: 2 });
    sim.override((chunk) => chunk.toString('latin1') === 'AT+COPS?\r'); // swallowed: the modem never answers it
    await withModem(sim, {}, async (m) => {
      await m.probe();
      const t0 = performance.now();
      const err = await m.exec('AT+COPS?', { timeoutMs: 300, prefixes: ['+COPS:'] }).catch((e: unknown) => e);
      const took = performance.now() - t0;
      expect(isHalError(err, 'Transport_Timeout')).toBe(true);
      expect(took).toBeGreaterThanOrEqual(290);
      expect(took).toBeLessThan(300 + 150); // tolerance for a loaded machine; an inactivity timer would never fire
      expect(m.urcCount).toBeGreaterThan(20);
    });
  });

  test('silent modem: probe gives up after probeTries with Modem_NoReply', async () => {
    await withModem(new ModemSimulator('silent'), { probeMs: 50, probeTries: 3 }, async (m) => {
      await expect(m.probe()).rejects.toMatchObject({ code: 'Modem_NoReply', context: { tries: 3, rxBytes: 0 } });
    });
  });

  test('garbled line: probe gives up early with Modem_Garbled', async () => {
    await withModem(new ModemSimulator('garbage'), { probeMs: 50, probeTries: 6, probeGarbledTries: 2 }, async (m) => {
      await expect(m.probe()).rejects.toMatchObject({ code: 'Modem_Garbled' });
    });
  });

  test('ten timeouts in a row: the modem is gone and later commands fail at once', async () => {
    const sim = new ModemSimulator('healthy');
    await withModem(sim, { goneAfterTimeouts: 10 }, async (m) => {
      await m.probe();
      sim.faults.silent = true;
      const codes: string[] = [];
      for (let i = 0; i < 10; i++) codes.push(await m.exec('AT+CSQ', { timeoutMs: 20 }).then(() => 'ok', (e: { code: string }) => e.code));
      expect(codes.slice(0, 9).every((c) => c === 'Transport_Timeout')).toBe(true);
      expect(codes[9]).toBe('Modem_Gone');
      expect(m.isGone).toBe(true);
      const t0 = performance.now();
      await expect(m.exec('AT', { timeoutMs: 5000 })).rejects.toMatchObject({ code: 'Modem_Gone' });
      expect(performance.now() - t0).toBeLessThan(100);
    });
  });

  test('a reply in time resets the count of timeouts in a row', async () => {
    const sim = new ModemSimulator('healthy');
    await withModem(sim, { goneAfterTimeouts: 3 }, async (m) => {
      for (let round = 0; round < 3; round++) {
        sim.faults.silent = true;
        await expect(m.exec('AT', { timeoutMs: 20 })).rejects.toMatchObject({ code: 'Transport_Timeout' });
        await expect(m.exec('AT', { timeoutMs: 20 })).rejects.toMatchObject({ code: 'Transport_Timeout' });
        sim.faults.silent = false;
        await expect(m.exec('AT', { timeoutMs: 500 })).resolves.toMatchObject({ ok: true });
      }
      expect(m.isGone).toBe(false);
    });
  });

  test('unplug mid-reply fails the command at once with Transport_Disconnected', async () => {
    const sim = new ModemSimulator('unplug');
    await withModem(sim, {}, async (m) => {
      const gone: string[] = [];
      m.onDisconnect((e) => gone.push(e.code));
      await m.probe();
      await m.init();
      const t0 = performance.now();
      await expect(m.exec('AT+CSQ', { timeoutMs: 3000, prefixes: ['+CSQ:'] })).rejects.toMatchObject({ code: 'Transport_Disconnected' });
      expect(performance.now() - t0).toBeLessThan(500);
      expect(gone).toEqual(['Transport_Disconnected']);
    });
  });

  test('an aborted signal ends the command without counting it as a modem timeout', async () => {
    const sim = new ModemSimulator('silent');
    await withModem(sim, { goneAfterTimeouts: 1 }, async (m) => {
      const ac = new AbortController();
      setTimeout(() => ac.abort(new Error('budget')), 20);
      await expect(m.exec('AT', { timeoutMs: 5000, signal: ac.signal })).rejects.toBeDefined();
      expect(m.isGone).toBe(false);
    });
  });
});
