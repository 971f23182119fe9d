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
  const modem = await ModemDriver.open({
    binding,
    path: PATH,
    baudRate: 115200,
    clock: systemClock,
    timeouts,
    lineTiming: { lateReplyQuietMs: 10, lateReplyDrainMs: 50 },
  });
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
      for (let i = 0; i < 10; i++)
        codes.push(
          await m.exec('AT+CSQ', { timeoutMs: 20 }).then(
            () => 'ok',
            (e: { code: string }) => e.code,
          ),
        );
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

describe('execBatch: read-only queries on combined lines', () => {
  const ITEMS = [
    { command: 'AT+CGMI', timeoutMs: 500 },
    { command: 'AT+CPIN?', timeoutMs: 500, prefixes: ['+CPIN:'], single: true },
    { command: 'AT+CCID', timeoutMs: 500 },
    { command: 'AT+CSQ', timeoutMs: 500, prefixes: ['+CSQ:'], single: true },
    { command: 'AT+CEREG?', timeoutMs: 500, prefixes: ['+CEREG:'], single: true },
  ];
  const lines = (sim: ModemSimulator) => sim.receivedBytes().toString('latin1').split('\r').filter(Boolean);
  const summary = (entries: Awaited<ReturnType<ModemDriver['execBatch']>>) =>
    entries.map((e) => ('thrown' in e ? 'thrown' : e.result.ok ? e.result.lines.join('|') : `${e.result.error.kind}:${e.result.error.text}`));

  test("one line for all; the 2G modem's ERROR to the last command is that command's", async () => {
    const sim = new ModemSimulator('healthy');
    await withModem(sim, {}, async (m) => {
      await m.init();
      const before = m.linesSent;
      expect(summary(await m.execBatch(ITEMS))).toEqual(['SIMCOM_Ltd', '+CPIN: READY', '89860012345678901234', '+CSQ: 21,0', 'error:ERROR']);
      expect(m.linesSent - before).toBe(1);
      expect(lines(sim).slice(-1)).toEqual(['AT+CGMI;+CPIN?;+CCID;+CSQ;+CEREG?']);
    });
  });

  test('no SIM: +CPIN? stops the line; it is asked alone, the rest again (CCID fails too), nothing lost', async () => {
    const sim = new ModemSimulator('no-sim');
    await withModem(sim, {}, async (m) => {
      await m.init();
      expect(summary(await m.execBatch(ITEMS))).toEqual(['SIMCOM_Ltd', 'cme:10', 'cme:10', '+CSQ: 21,0', 'error:ERROR']);
      expect(lines(sim).slice(2)).toEqual(['AT+CGMI;+CPIN?;+CCID;+CSQ;+CEREG?', 'AT+CPIN?', 'AT+CCID;+CSQ;+CEREG?', 'AT+CCID', 'AT+CSQ;+CEREG?']);
      expect(m.refusesConcatenation).toBe(false);
    });
  });

  test('a modem that answers ERROR to any combined line: one a line, remembered for the next batch', async () => {
    const sim = new ModemSimulator('no-concat');
    await withModem(sim, {}, async (m) => {
      await m.init();
      expect(summary(await m.execBatch(ITEMS))).toEqual(['SIMCOM_Ltd', '+CPIN: READY', '89860012345678901234', '+CSQ: 21,0', 'error:ERROR']);
      expect(m.refusesConcatenation).toBe(true);
      const before = m.linesSent;
      await m.execBatch(ITEMS.slice(1, 3));
      expect(m.linesSent - before).toBe(2); // no combined line tried again
      expect(lines(sim).slice(-2)).toEqual(['AT+CPIN?', 'AT+CCID']);
    });
  });

  test('a timeout on a combined line: the first command not answered carries it, the rest go one a line', async () => {
    const sim = new ModemSimulator('healthy');
    sim.override((chunk) => chunk.toString('latin1').includes(';')); // combined lines are never answered
    await withModem(sim, {}, async (m) => {
      await m.init();
      const out = await m.execBatch(ITEMS.map((i) => ({ ...i, timeoutMs: 150 })));
      expect(isHalError((out[0] as { thrown: unknown }).thrown, 'Transport_Timeout')).toBe(true);
      expect(summary(out).slice(1)).toEqual(['+CPIN: READY', '89860012345678901234', '+CSQ: 21,0', 'error:ERROR']);
    });
  });
});
