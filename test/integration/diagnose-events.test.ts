/**
 * `posdiag diagnose --events` in a real process on the simulated terminal: the catalog's hint is the
 * first line, out before the modem has been probed; then the devices as they end, the cause, the slip
 * and the record. A dead modem proves a 96, so a host that would still be waited on is cut short.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { explain } from '../../src/codes/explain';
import { requireSystemTool } from '../../mocks/system-tools';
import { main } from '../../src/cli/program';
import { capturedIo } from '../helpers/captured-io';
import { cliBundle, type CliBundle } from '../helpers/cli-bundle';

let bundle: CliBundle;
let home: string;
beforeAll(() => {
  requireSystemTool('socat');
  bundle = cliBundle();
}, 60_000);
afterAll(() => bundle.dispose());
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'posdiag-events-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

type Line = { at: number; doc: { event: string; [k: string]: unknown } };

/** Runs the command; each stdout line with the time (ms since the spawn) it arrived. */
async function events(args: string[]): Promise<{ lines: Line[]; code: number | null }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bundle.cli, 'diagnose', ...args, '--events'], {
    env: { ...process.env, ...bundle.env, POSDIAG_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push({ at: performance.now() - t0, doc: JSON.parse(l) }));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { lines, code };
}

const deviceLine = (lines: Line[], device: string) => lines.find((l) => l.doc.event === 'device' && (l.doc.result as { device: string }).device === device)!;

test('96 with a silent modem: the catalog hint first, before the modem is probed; then modem-unresponsive', async () => {
  const { lines, code } = await events(['--code', '96', '--sim', 'modem=silent']);
  expect(code).toBe(0);
  expect(lines[0].doc).toEqual({
    event: 'start',
    code: '96',
    acquirer: 'cup',
    category: 'host',
    hint: explain('96', { acquirer: 'cup', locale: 'zh-CN' }).hint,
    checks: ['network', 'modem', 'reader', 'printer'],
    profile: 'cashier',
  });
  const modem = deviceLine(lines, 'modem');
  const probe = (modem.doc.result as { findings: { id: string; value: number; params: { timeoutMs: number } }[] }).findings[0];
  expect(probe).toMatchObject({ id: 'modem.probe', value: 2, params: { timeoutMs: 500 } });
  // The two probes (2 × 500 ms) came after the first line was out.
  expect(modem.at - lines[0].at).toBeGreaterThanOrEqual(2 * 500);
  // One device event for each checked device: network, modem, printer and the simulated terminal's two
  // readers (the PN532 and the chip reader).
  expect(lines.map((l) => l.doc.event)).toEqual(['start', 'device', 'device', 'device', 'device', 'device', 'cause', 'slip', 'journal']);
  expect(
    lines
      .filter((l) => l.doc.event === 'device')
      .map((l) => (l.doc.result as { device: string }).device)
      .sort(),
  ).toEqual(['modem', 'network', 'printer', 'reader', 'reader']);
  expect(lines[6].doc).toMatchObject({ event: 'cause', cause: { id: 'modem-unresponsive', device: 'modem' } });
}, 30_000);

test('a dead modem with a host that takes longer: the host is cut short and says so, the cause is the modem', async () => {
  const { lines } = await events(['--code', '96', '--sim', 'modem=silent,host=blackhole', '--no-print']);
  const network = deviceLine(lines, 'network').doc.result as { findings: { id: string; status: string; message: string }[] };
  expect(network.findings.at(-1)).toMatchObject({ id: 'network.cut-short', status: 'warn', message: 'check.cut-short' });
  expect(network.findings.some((f) => f.id === 'network.tcp')).toBe(false);
  const cause = lines.find((l) => l.doc.event === 'cause')!.doc;
  expect(cause).toMatchObject({ cause: { id: 'modem-unresponsive' }, terminalClear: false });
}, 30_000);

test('--events with --json is bad usage: the error document, and nothing run', async () => {
  const io = capturedIo({ POSDIAG_HOME: home });
  expect(await main(['diagnose', '--code', '96', '--sim', '--events', '--json'], io.handle)).toBe(2);
  expect(JSON.parse(io.out())).toMatchObject({ error: { code: 'Usage_Invalid', message: expect.stringContaining('--events') } });
});

test('thorough lets every check finish: an unplugged modem cuts neither the host nor a silent printer short', async () => {
  // Under cashier both would be cut short as soon as the modem's result is in (it proves the 96).
  const { lines } = await events(['--code', '96', '--sim', 'modem=unplug,printer=silent', '--no-print', '--profile', 'thorough']);
  const findings = lines.filter((l) => l.doc.event === 'device').flatMap((l) => (l.doc.result as { findings: { id: string }[] }).findings.map((f) => f.id));
  expect(findings.filter((id) => id.endsWith('.cut-short'))).toEqual([]);
  expect(lines.find((l) => l.doc.event === 'cause')!.doc).toMatchObject({ cause: { id: 'modem-unresponsive' } });
}, 30_000);

test('without --events, the catalog hint is the first thing on stderr, before any device line; then the cause on stdout', async () => {
  const io = capturedIo({ POSDIAG_HOME: home });
  expect(await main(['diagnose', '--code', '96', '--sim', 'modem=silent', '--no-print', '--locale', 'en'], io.handle)).toBe(0);
  const hint = explain('96', { acquirer: 'cup', locale: 'en' }).hint;
  expect(io.err().split('\n').slice(0, 2)).toEqual([`${hint.title}: ${hint.action}`, '  checking network, modem, reader, printer …']);
  expect(io.out()).toMatch(/cause\s+modem-unresponsive/);
}, 30_000);
