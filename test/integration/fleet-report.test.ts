/**
 * `posdiag fleet report` on a SQLite database filled as the ingest fills it: the answers (top causes,
 * by hour and region, repeated causes, offline and gap terminals) in --json against schemas/fleet.json,
 * and the --html page opened in headless Chromium, whose screenshot must show the bars of both charts
 * (the top cause's colour inside each chart's area of the page).
 */
import Ajv from 'ajv';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { main } from '../../src/cli/program';
import { openFleetStore } from '../../src/fleet/database';
import { recordRow, statusRow } from '../../src/fleet/rows';
import { CAUSE_COLOURS, CHART } from '../../src/fleet/report-html';
import { parseRecord } from '../../src/fleet/wire';
import { capturedIo } from '../helpers/captured-io';
import { wirePayload } from '../helpers/fleet-records';
import { requireSystemTool } from '../../mocks/system-tools';

jest.setTimeout(60_000);

let dir: string;
let db: string;
const NOW = Date.now();
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'posdiag-report-'));
  db = join(dir, 'fleet.db');
  const store = await openFleetStore({ kind: 'sqlite', path: db });
  const rows = [];
  const plan: Array<[string, string, string, number]> = [
    // terminal, cause, region, how many (one an hour back from now)
    ['10000001', 'signal-weak', 'Shenzhen', 5],
    ['10000002', 'signal-weak', 'Shenzhen', 3],
    ['10000003', 'paper-out', 'Guangzhou', 2],
    ['10000004', 'reader-fault', 'Shanghai', 1],
    ['10000005', 'host-side', 'Shanghai', 4],
  ];
  for (const [tid, cause, location, n] of plan) {
    for (let i = 1; i <= n; i++) rows.push(recordRow(parseRecord(wirePayload({ terminalId: tid, seq: i, cause, location, time: hoursAgo(i) }))!, 'cup', NOW));
  }
  const old = NOW - 48 * 3_600_000;
  await store.commit(rows, [
    statusRow('10000003', 'cup', { online: false, at: hoursAgo(1) }, NOW),
    statusRow('10000004', 'cup', { online: true, at: hoursAgo(1), gap: 12 }, NOW),
    statusRow('10000009', 'cup', { online: true, at: new Date(old).toISOString() }, old),
  ]);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function report(...extra: string[]) {
  const io = capturedIo();
  const code = await main(['fleet', 'report', '--database', db, ...extra], io.handle);
  return { code, out: io.out(), err: io.err() };
}

test('the answers, as --json valid against schemas/fleet.json', async () => {
  const r = await report('--json');
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(__dirname, '../../schemas/fleet.json'), 'utf8')));
  expect(validate(doc) || validate.errors).toBe(true);
  expect(doc.totals).toEqual({ records: 15, diagnoses: 15, terminals: 5 });
  expect(doc.topCauses).toEqual([
    { cause: 'signal-weak', count: 8 },
    { cause: 'host-side', count: 4 },
    { cause: 'paper-out', count: 2 },
    { cause: 'reader-fault', count: 1 },
  ]);
  expect(doc.byRegion[0]).toEqual({ region: 'Shenzhen', cause: 'signal-weak', count: 8 });
  expect(doc.repeated).toEqual([
    { terminalId: '10000001', cause: 'signal-weak', count: 5 },
    { terminalId: '10000005', cause: 'host-side', count: 4 },
    { terminalId: '10000002', cause: 'signal-weak', count: 3 },
  ]);
  const attention = Object.fromEntries(doc.attention.map((t: { terminalId: string }) => [t.terminalId, t]));
  expect(Object.keys(attention).sort()).toEqual(['10000003', '10000004', '10000009']);
  expect(attention['10000003']).toMatchObject({ online: false, missing: false });
  expect(attention['10000004']).toMatchObject({ online: true, gap: 12 });
  expect(attention['10000009']).toMatchObject({ missing: true });
  // Records 5 h back and more fall outside a 3 h window.
  const narrow = JSON.parse((await report('--json', '--hours', '3')).out);
  expect(narrow.topCauses.reduce((a: number, c: { count: number }) => a + c.count, 0)).toBe(5 + 3 + 2 + 1 + 4 - (2 + 0 + 0 + 0 + 1));
});

test('the HTML page draws both charts in headless Chromium', async () => {
  requireSystemTool('chromium');
  const html = join(dir, 'report.html');
  const r = await report('--html', html);
  expect(r.code).toBe(0);
  expect(r.out).toContain('signal-weak');
  const page = readFileSync(html, 'utf8');
  expect(page).not.toMatch(/<script|<link|@import|url\(|src=/i); // self-contained
  const shot = join(dir, 'shot.png');
  const c = spawnSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--screenshot=${shot}`,
      '--window-size=900,760',
      `file://${html}`,
    ],
    { encoding: 'utf8', timeout: 45_000 },
  );
  expect({ status: c.status, stderr: c.status === 0 ? '' : c.stderr }).toEqual({ status: 0, stderr: '' });
  const png = PNG.sync.read(readFileSync(shot));
  const hex = (i: number) => [1, 3, 5].map((k) => parseInt(CAUSE_COLOURS[i]!.slice(k, k + 2), 16));
  /** Pixels of cause colour i inside rows [top, top + CHART.height). */
  const count = (i: number, top: number) => {
    const [R, G, B] = hex(i);
    let n = 0;
    for (let y = top; y < Math.min(png.height, top + CHART.height); y++) {
      for (let x = 0; x < png.width; x++) {
        const o = (y * png.width + x) * 4;
        if (Math.abs(png.data[o]! - R!) < 8 && Math.abs(png.data[o + 1]! - G!) < 8 && Math.abs(png.data[o + 2]! - B!) < 8) n++;
      }
    }
    return n;
  };
  // The top cause (signal-weak) and the second (host-side) have bars in both charts.
  for (const top of [CHART.hourTop, CHART.regionTop]) {
    expect(count(0, top)).toBeGreaterThan(200);
    expect(count(1, top)).toBeGreaterThan(100);
  }
});

test('a terminal whose announced gap arrived after all needs no attention; one that lost records does', async () => {
  const gapDb = join(dir, 'gaps.db');
  const store = await openFleetStore({ kind: 'sqlite', path: gapDb });
  const epoch = parseRecord(wirePayload({ terminalId: '20000001', seq: 1 }))!.epoch;
  const rec = (tid: string, seq: number) => recordRow(parseRecord(wirePayload({ terminalId: tid, seq, time: hoursAgo(1) }))!, 'cup', NOW);
  // Both announced seqs 1 to 3 lost; 20000001's came after all (they were on their way when the journal rotated), 20000002's did not.
  await store.commit(
    [],
    [
      statusRow('20000001', 'cup', { online: true, at: hoursAgo(0), epoch, gaps: [[1, 3]] }, NOW),
      statusRow('20000002', 'cup', { online: true, at: hoursAgo(0), epoch, gaps: [[1, 3]] }, NOW),
    ],
  );
  await store.commit([rec('20000001', 1), rec('20000001', 2), rec('20000001', 3), rec('20000002', 2)], []);
  await store.close();
  const io = capturedIo();
  expect(await main(['fleet', 'report', '--database', gapDb, '--json'], io.handle)).toBe(0);
  const attention = (JSON.parse(io.out()) as { attention: Array<{ terminalId: string; gap: number }> }).attention;
  expect(attention.map((a) => [a.terminalId, a.gap])).toEqual([['20000002', 2]]);
});
