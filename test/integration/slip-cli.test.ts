/**
 * `posdiag slip last` reprinting on the simulated terminal: the printer simulator on a real pty behind
 * the real serialport stack, the slip store and the print queue in a fresh POSDIAG_HOME.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { PRINTER_PROFILES } from '../../hal/printer/profiles';
import { main } from '../../src/cli/program';
import { saveSlip } from '../../src/journal';
import { EscPosBuilder } from '../../hal/printer/builder';
import schema from '../../schemas/slip.json';
import { capturedIo } from '../helpers/captured-io';
import { requireSystemTool } from '../../mocks/system-tools';

// The simulated terminal on real pseudo-terminals: without socat each test here fails with the command that installs it.
beforeAll(() => {
  requireSystemTool('socat');
});

const validate = new Ajv({ strict: true }).compile(schema);

function run(home: string) {
  const { handle: io, out, err } = capturedIo({ POSDIAG_HOME: home });
  return { io, out, err };
}

/** --sim runs keep their data in <POSDIAG_HOME>/sim. */
const simData = (home: string) => join(home, 'sim');

const queueIds = (home: string) => {
  const file = join(home, 'print-queue.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { jobs: Array<{ id: string }> }).jobs.map((j) => j.id) : [];
};

describe('posdiag slip last (reprint)', () => {
  let home: string;
  beforeEach(async () => {
    home = mkdtempSync(join(tmpdir(), 'posdiag-slip-reprint-'));
    const b = new EscPosBuilder(PRINTER_PROFILES['generic-58']).init().line('交易诊断单').line('响应码 96');
    await saveSlip(simData(home), '000000003', b.cut().encode(), { paperWidth: 58, locale: 'zh-CN', code: '96', time: '2026-11-22T10:30:15+08:00' });
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  test('--sim --json: printed on the simulated printer, document valid against the schema', async () => {
    const t = run(home);
    await expect(main(['slip', 'last', '--sim', '--json'], t.io)).resolves.toBe(0);
    const doc = JSON.parse(t.out());
    expect(doc).toMatchObject({ id: '000000003', printed: { state: 'printed', attempts: 1 } });
    expect(validate(doc)).toBe(true);
  });

  test('no configuration at all: the simulated terminal, a line for a person', async () => {
    const t = run(home);
    await expect(main(['slip', 'last'], t.io)).resolves.toBe(0);
    expect(t.out()).toMatch(/^slip 000000003 printed again on the simulated printer/);
  });

  test('paper out: exit 1, queued with the reason, kept in print-queue.json; printed once paper is back', async () => {
    const t = run(home);
    await expect(main(['slip', 'last', '--sim', 'printer=paper-out', '--json'], t.io)).resolves.toBe(1);
    const doc = JSON.parse(t.out());
    expect(doc.printed).toEqual({ state: 'queued', reason: 'paper-end', attempts: 1 });
    expect(validate(doc)).toBe(true);
    expect(queueIds(simData(home))).toEqual(['000000003']);

    const again = run(home);
    await expect(main(['slip', 'last', '--sim'], again.io)).resolves.toBe(0);
    expect(queueIds(simData(home))).toEqual([]);
  });

  test('printer unplugged: exit 1, not printed, the reason named', async () => {
    const t = run(home);
    await expect(main(['slip', 'last', '--sim', 'printer=unplug'], t.io)).resolves.toBe(1);
    expect(t.out()).toMatch(/not printed \(disconnected\)/);
  });
});
