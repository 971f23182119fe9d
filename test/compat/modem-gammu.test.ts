/**
 * gammu (Debian package gammu) against the modem simulator on a real pseudo-terminal: a phone and
 * modem manager with its own AT driver, which probes the modem its way (its own init, AT+CGMI, AT+CGMM,
 * AT+CGMR, AT+CGSN, AT+CIMI and whatever else it asks) before `--identify` prints what it learnt. A
 * private gammurc points it at the PTY with connection at115200.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireSystemTool } from '../../mocks/pty-pair';
import { startOnPty, RunningSimulator } from '../../mocks/pty-attach';
import { createModemSimulator, MODEM_IDENTITY, ModemSimulator } from '../../mocks/modem-sim';

requireSystemTool('gammu');

let running: RunningSimulator<ModemSimulator> | null = null;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'posdiag-gammu-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await running?.close();
  running = null;
});

/** Runs `gammu --identify` on the pty, without blocking the event loop the simulator needs. */
function identify(hostPath: string): Promise<{ code: number | null; out: string }> {
  const rc = join(dir, 'gammurc');
  writeFileSync(rc, `[gammu]\ndevice = ${hostPath}\nconnection = at115200\n`);
  return new Promise((resolve) => {
    const child = spawn('gammu', ['-c', rc, '--identify'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, out });
    });
  });
}

/** gammu waits out its own probes of commands the modem lacks: about 5 s a run. */
const GAMMU_MS = 40_000;

/** gammu's `Name : value` lines as an object. */
const fields = (out: string) => Object.fromEntries([...out.matchAll(/^(\S[^:]*?)\s*:\s*(.*)$/gm)].map((m) => [m[1], m[2].trim()]));

// gammu sends one command a line, so a modem refusing concatenated lines reads the same.
test.each([['healthy'], ['no-concat']])(
  "%s: gammu --identify reads the manufacturer, model, firmware, IMEI and the SIM's IMSI",
  async (fault) => {
    running = await startOnPty(createModemSimulator(fault, { baudRate: 115200 }));
    const { code, out } = await identify(running.hostPath);
    expect({ code, out }).toMatchObject({ code: 0 });
    expect(fields(out)).toMatchObject({
      Manufacturer: MODEM_IDENTITY.manufacturer,
      Model: expect.stringContaining(MODEM_IDENTITY.model),
      Firmware: MODEM_IDENTITY.revision,
      IMEI: MODEM_IDENTITY.imei,
      'SIM IMSI': MODEM_IDENTITY.imsi,
    });
    // What gammu sent, as the modem received it: its own init and the identity queries.
    expect(running.sim.receivedBytes().toString('latin1')).toContain('AT+CGSN\r');
  },
  GAMMU_MS,
);

test(
  'no-sim: the modem is identified, the IMSI is not (AT+CIMI answers +CME ERROR: 10)',
  async () => {
    running = await startOnPty(createModemSimulator('no-sim', { baudRate: 115200 }));
    const { out } = await identify(running.hostPath);
    const f = fields(out);
    expect(f).toMatchObject({ Manufacturer: MODEM_IDENTITY.manufacturer, IMEI: MODEM_IDENTITY.imei });
    expect(f['SIM IMSI']).toBeUndefined();
  },
  GAMMU_MS,
);
