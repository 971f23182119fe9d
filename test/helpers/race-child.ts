/**
 * A child process for the concurrency test (test/integration/lock-races.test.ts), bundled by the test
 * with esbuild and run with plain node: it runs the real journal append, the menu's PIN-count update
 * and the slip print path. It waits for a line `go <dir> <tag>` on stdin, does its one step in that data
 * directory, and answers one line on stdout, so the parent can start every process's step at the same
 * instant, round after round, without paying a process start per round.
 *
 *   argv: append | pin | print
 *   append: one journal record; answers its id
 *   pin:    one wrong PIN counted in menu-lock.json; answers `ok`
 *   print:  one slip `SLIP <tag>` printed on a healthy simulated printer of its own, through printSlip
 *           and the data directory's print queue; answers every slip tag that came out of its printer
 */
import { createInterface } from 'node:readline';
import { systemClock } from '../../hal/clock';
import { EscPosBuilder } from '../../hal/printer/builder';
import { PRINTER_PROFILES } from '../../hal/printer/profiles';
import { InProcessBinding } from '../../mocks/in-process-binding';
import { PrinterSimulator } from '../../mocks/printer-sim';
import { openJournal } from '../../src/journal/journal';
import { fileLockStore } from '../../src/menu/lock-store';
import { countAttempt, LOCKOUT_DEFAULTS } from '../../src/menu/lockout';
import { printSlip } from '../../src/services/print-slip';

const mode = process.argv[2];

export function slipBytes(tag: string): Uint8Array {
  return new EscPosBuilder(PRINTER_PROFILES['generic-58']).init().line(`SLIP ${tag}`).cut().encode();
}

async function step(dir: string, tag: string): Promise<string> {
  if (mode === 'append') {
    const record = await openJournal(dir).append({ kind: 'menu', terminalId: '10000001', merchantId: '898310048990001', event: 'test', detail: tag });
    return record.id;
  }
  if (mode === 'pin') {
    await fileLockStore(dir, LOCKOUT_DEFAULTS).update((current) => ({ state: countAttempt(current), result: null }));
    return 'ok';
  }
  const sim = new PrinterSimulator('healthy');
  const binding = new InProcessBinding();
  binding.connect('/dev/ttySIMRACE', sim);
  const env = { binding, clock: systemClock, devices: { printer: { path: '/dev/ttySIMRACE', baudRate: 115200, paperWidth: 58 as const } } };
  await printSlip(env, slipBytes(tag), { id: tag, dataDir: dir });
  sim.stop();
  return [...sim.text().matchAll(/SLIP (\S+)/g)].map((m) => m[1]).join(' ');
}

if (mode) {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const [word, dir, tag] = line.split(' ');
    if (word !== 'go') return;
    step(dir!, tag!).then(
      (answer) => process.stdout.write(`${answer}\n`),
      (err: unknown) => process.stdout.write(`error ${err instanceof Error ? err.message.replace(/\n/g, ' ') : String(err)}\n`),
    );
  });
  process.stdout.write('ready\n');
}
