/**
 * Menus running at the same time on one data directory share one PIN attempt count: five wrong PINs
 * lock them all, whether they are models in one process or separate processes.
 */
import { buildSync } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../../mocks/fake-clock';
import { fileLockStore } from '../../../src/menu/lock-store';
import { resolveLockoutOptions } from '../../../src/menu/lockout';
import { MenuModel } from '../../../src/menu/model';
import type { MenuServices } from '../../../src/menu/services';
import { pinOnlyServices } from '../../helpers/menu-services';

const o = resolveLockoutOptions();
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'posdiag-lock-par-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function services(onVerify: () => void): MenuServices {
  return pinOnlyServices({
    // A real check takes a while (scrypt): the others keep typing meanwhile.
    verifyPin: async () => {
      onVerify();
      await new Promise((r) => setTimeout(r, 5));
      return false;
    },
    lockStore: fileLockStore(dir, o),
  });
}

async function wrongPins(m: MenuModel, times: number) {
  for (let i = 0; i < times; i++) {
    for (const d of '0000') await m.press({ kind: 'digit', digit: d });
    await m.press({ kind: 'enter' });
  }
}

test('ten menus in one process, five wrong PINs each, at once: five PIN checks in all, then locked', async () => {
  let checks = 0;
  const clock = new FakeClock(); // time stands still: no lockout can end during the test
  const models = Array.from(
    { length: 10 },
    () =>
      new MenuModel(
        services(() => checks++),
        clock,
      ),
  );
  await Promise.all(models.map((m) => m.start()));
  await Promise.all(models.map((m) => wrongPins(m, 5)));
  expect(checks).toBe(5);
  const m = models[0];
  await wrongPins(m, 1);
  expect(m.screen).toMatchObject({ kind: 'pin', notice: 'locked' });
  expect(checks).toBe(5);
  expect(readdirSync(dir)).toEqual(['menu-lock.json']); // no lock or temporary file left behind
  await Promise.all(models.map((x) => x.close()));
});

// The child: a menu model on the given directory, typing wrong PINs; each PIN check is one line on stdout.
const CHILD = `
const { writeSync } = require('node:fs');
const [bundle, dir, times] = process.argv.slice(1);
const { MenuModel, fileLockStore, resolveLockoutOptions } = require(bundle);
const none = () => Promise.reject(new Error('unused'));
const services = {
  verifyPin: async () => { writeSync(1, 'check\\n'); await new Promise((r) => setTimeout(r, 5)); return false; },
  lockStore: fileLockStore(dir, resolveLockoutOptions()),
  selfTest: none, readerTest: none, printerTestPage: none, reprintLast: none, listJournal: none, record: async () => undefined,
};
const clock = { now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h) };
(async () => {
  const m = new MenuModel(services, clock);
  await m.start();
  for (let i = 0; i < Number(times); i++) {
    for (const d of '0000') await m.press({ kind: 'digit', digit: d });
    await m.press({ kind: 'enter' });
  }
  await m.close();
})().catch((e) => { writeSync(2, String(e && e.stack)); process.exit(1); });
`;

test('four menu processes, five wrong PINs each, at once: five PIN checks in all', async () => {
  const bundle = join(dir, 'menu.cjs');
  const entry = join(dir, 'entry.ts');
  const src = join(__dirname, '..', '..', '..', 'src', 'menu');
  require('node:fs').writeFileSync(
    entry,
    `export { MenuModel } from ${JSON.stringify(join(src, 'model'))};\nexport { fileLockStore } from ${JSON.stringify(join(src, 'lock-store'))};\nexport { resolveLockoutOptions } from ${JSON.stringify(join(src, 'lockout'))};\n`,
  );
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: bundle, logLevel: 'error' });
  const data = join(dir, 'data');
  const runs = Array.from({ length: 4 }, () => {
    const child = spawn(process.execPath, ['-e', CHILD, bundle, data, '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    return new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.once('close', (code) => resolve({ code, out, err })));
  });
  const results = await Promise.all(runs);
  for (const r of results) expect(r).toMatchObject({ code: 0, err: '' });
  const checks = results.reduce((n, r) => n + r.out.split('\n').filter((l) => l === 'check').length, 0);
  expect(checks).toBe(5);
});
