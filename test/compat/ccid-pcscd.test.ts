/**
 * Debian's PC/SC stack (pcscd 1.9.9 with libccid's libccidtwin.so, pcsc_scan from pcsc-tools, OpenSC's
 * opensc-tool) against the chip reader simulator on a real pseudo-terminal: a third party that speaks the
 * GemPC Twin serial protocol checks the simulator. pcscd runs in the foreground with a private reader.conf
 * pointing at the simulator's PTY and is stopped by its pid after each case. The tools exit 0 whether or
 * not they found a reader or a card, so the assertions read what they print.
 *
 * pcscd binds a fixed socket (/run/pcscd/pcscd.comm), so one daemon at a time: the cases run in series.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ccid } from '../../hal/reader/ccid/ccid-driver';
import { createChipReaderCheck } from '../../hal/reader/ccid/chip-check';
import { runChecks } from '../../hal/selfcheck';
import { nativeBinding } from '../../hal/transport/native-binding';
import { CcidFault, CcidSimulator } from '../../mocks/ccid-sim';
import { ownedTempDir } from '../../mocks/owned-temp-dir';
import { RunningSimulator, startOnPty } from '../../mocks/pty-attach';
import { requireSystemTool } from '../../mocks/pty-pair';

jest.setTimeout(45_000); // a pcscd start-up, clients and a stop per case, slower under load

for (const tool of ['pcscd', 'libccidtwin', 'pcsc_scan', 'opensc-tool']) requireSystemTool(tool);

const SOCKET = '/run/pcscd/pcscd.comm';
let running: RunningSimulator<CcidSimulator> | null = null;
let daemon: { child: ChildProcess; log: () => string; stop(): Promise<void> } | null = null;

afterEach(async () => {
  await daemon?.stop();
  daemon = null;
  await running?.close();
  running = null;
});

function run(cmd: string, args: string[], timeout = 10_000): Promise<string> {
  return new Promise((resolve) => {
    // Asynchronous: the simulator answers pcscd from this very process.
    execFile(cmd, args, { timeout, env: { ...process.env, LANG: 'C' } }, (_err, stdout, stderr) => resolve(`${stdout}\n${stderr}`));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** pcscd -f with a private config directory naming the simulator's PTY as a GemPC Twin. */
async function startPcscd(hostPath: string): Promise<NonNullable<typeof daemon>> {
  // A directory of its own: pcscd parses every file in it as a reader.conf (the temp dir holds an owner file).
  const dir = join(ownedTempDir('posdiag-pcscd-'), 'reader.conf.d');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'reader.conf'),
    `FRIENDLYNAME "GemPC Twin sim"\nDEVICENAME ${hostPath}:GemPCTwin\nLIBPATH /usr/lib/pcsc/drivers/serial/libccidtwin.so\n`,
  );
  let text = '';
  const child = spawn('/usr/sbin/pcscd', ['-f', '-d', '-c', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LIBCCID_ifdLogLevel: '0x0003' },
  });
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<void>((r) => child.once('close', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(killer);
  };
  // Ready when the socket is there and the reader's start-up (probe, slot, first power-on) has had time.
  const t0 = Date.now();
  while (!existsSync(SOCKET) || !/daemon ready|init failed/i.test(text)) {
    if (child.exitCode !== null || Date.now() - t0 > 8000) break;
    await sleep(50);
  }
  await sleep(600); // the polling thread's first GetSlotStatus (every 400 ms) and the ATR
  return { child, log: () => text, stop };
}

async function withPcscd(fault: CcidFault) {
  running = await startOnPty(new CcidSimulator(fault));
  daemon = await startPcscd(running.hostPath);
  if (fault !== 'silent') {
    // On a loaded machine the reader's start-up can outlast "daemon ready": wait until a client sees it.
    const t0 = Date.now();
    while (!/GemPC Twin sim/.test(await run('pcsc_scan', ['-r'], 3000)) && Date.now() - t0 < 10_000) await sleep(200);
    await sleep(500); // a first slot poll and, with a card, its power-on
  }
  return { hostPath: running.hostPath, sim: running.sim };
}

test('healthy: pcsc_scan shows the inserted card and its ATR, opensc-tool lists the reader and prints the ATR', async () => {
  const { sim } = await withPcscd('healthy');
  const scan = await run('pcsc_scan', ['-n', '-t', '2']);
  expect(scan).toMatch(/Reader 0: GemPC Twin sim 00 00/);
  expect(scan).toMatch(/Card state: Card inserted/);
  expect(scan).toContain('ATR: 3B 67 00 00 86 60 22 22 27 80 01');
  const list = await run('opensc-tool', ['-l']);
  expect(list).toMatch(/0\s+Yes\s+GemPC Twin sim 00 00/);
  const atr = await run('opensc-tool', ['-a']);
  expect(atr).toContain('3b:67:00:00:86:60:22:22:27:80:01');
  // libccid's start-up, in order: Escape 02 (firmware), Escape 01 01 01, GetSlotStatus.
  expect(sim.commands.slice(0, 3)).toEqual([0x6b, 0x6b, 0x65]);
});

test('no card: the reader is listed, the slot is empty', async () => {
  await withPcscd('no-card');
  const scan = await run('pcsc_scan', ['-n', '-t', '2']);
  expect(scan).toMatch(/Reader 0: GemPC Twin sim 00 00/);
  expect(scan).toMatch(/Card state: Card removed/);
  expect(scan).not.toContain('ATR:');
  const list = await run('opensc-tool', ['-l']);
  expect(list).toMatch(/0\s+No\s+GemPC Twin sim 00 00/);
  expect(await run('opensc-tool', ['-a'])).toMatch(/Card not present/);
});

test('mute: a card is there but unresponsive, at every voltage', async () => {
  const { sim } = await withPcscd('mute');
  const scan = await run('pcsc_scan', ['-n', '-t', '2']);
  expect(scan).toMatch(/Card inserted, Unresponsive card/);
  expect(scan).not.toContain('ATR: 3B');
  const atr = await run('opensc-tool', ['-a']);
  expect(atr).not.toMatch(/3b:67/);
  // libccid tried 5 V, then 1.8 V, then 3 V.
  expect(sim.commands.filter((t) => t === 0x62).length).toBeGreaterThanOrEqual(3);
});

test('silent: pcscd gives the reader up, and no client sees it', async () => {
  const { log } = await withPcscd('silent').then(() => daemon!);
  const scan = await run('pcsc_scan', ['-n', '-t', '2']);
  expect(scan).toMatch(/Waiting for the first reader/);
  expect(scan).not.toMatch(/GemPC Twin sim/);
  expect(await run('opensc-tool', ['-l'])).toMatch(/No smart card readers found/);
  expect(log()).toMatch(/Get firmware failed|init failed/);
});

test('posdiag refuses the tty while pcscd holds it, with a clear error', async () => {
  const { hostPath } = await withPcscd('healthy');
  await expect(Ccid.open({ binding: nativeBinding(), path: hostPath })).rejects.toMatchObject({
    code: 'Transport_Busy',
    message: expect.stringContaining(`held by pcscd (pid ${daemon!.child.pid})`),
  });
  const check = createChipReaderCheck({ binding: nativeBinding() }, { path: hostPath });
  const result = (await runChecks([check], { level: 'internal' })).devices[0];
  expect(result.findings).toEqual([expect.objectContaining({ id: 'reader.link', status: 'fail', message: 'check.reader.busy' })]);
  // A tty another program holds is not a dead reader: the diagnosis must not blame the chip reader for it.
  expect(result.findings[0].value).not.toBe('reader-fault');
  // Once pcscd is gone the same tty opens.
  await daemon!.stop();
  const reader = await Ccid.open({ binding: nativeBinding(), path: hostPath });
  await expect(reader.firmware()).resolves.toBe('GemTwRC2-V2.00-GL03');
  await reader.close();
});
