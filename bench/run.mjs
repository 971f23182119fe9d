// posdiag benchmarks (never part of npm test). `npm run bench` builds dist/ and runs this (about ten minutes:
// the time-to-cause table runs every fault of the simulated terminal three times under each profile, and the
// fleet section simulates 1,000 terminals unless told otherwise):
//   node bench/run.mjs [--quick] [--fleet N | --no-fleet]   (--quick: fewer runs, for trying things out; the
//   committed results use none)
// It prints a table (figure, target, met/missed) and writes bench/results.json.
//
// The TypeScript parts (bench/selfcheck.ts, bench/slip.ts) are bundled here with esbuild into
// node_modules/.cache/posdiag-bench/, packages left external so serialport and the peers load normally.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { bundleBench, cache, root } from './bundle-ts.mjs';
import { measureColdStart, measureLookups } from './catalog.mjs';
import { measureTimeToCause, timeToCauseTable } from './time-to-cause.mjs';

const quick = process.argv.includes('--quick');
const cli = join(root, 'dist/cli.js');
const require = createRequire(import.meta.url);

if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run bench` (it builds first) or `node build.mjs`');
  process.exit(1);
}

async function bundled(name) {
  const outfile = await bundleBench(name);
  // The texts beside the bundle, where src/i18n/locale-files.ts reads them.
  cpSync(join(root, 'src/i18n/locales'), join(cache, 'locales'), { recursive: true });
  return require(outfile);
}

const rows = [];
/** One line of the table; `ok` null when the figure has no target. */
function figure(id, label, value, unit, target, ok, note = '') {
  rows.push({ id, label, value: typeof value === 'number' ? Number(value.toFixed(value < 10 ? 3 : 1)) : value, unit, target, met: ok, note });
}

// --- 1 and 2: self-check on PTYs, paced at 115200 baud with per-reply latency; a dead device ----------------
const { benchSelfCheck, LATENCY_MS, BAUD } = await bundled('selfcheck');
const sc = await benchSelfCheck(quick ? 2 : 5, 3000);
const latency = Object.entries(LATENCY_MS)
  .map(([d, ms]) => `${d} ${ms} ms`)
  .join(', ');
figure(
  'selfcheck.wall',
  'self-check, modem+reader+printer (internal)',
  sc.allWallMs,
  'ms',
  null,
  null,
  `median of ${sc.runs}; statuses ${JSON.stringify(sc.statuses)}`,
);
figure(
  'selfcheck.floor',
  'its floor: bytes x 10 / baud + replies x latency',
  sc.allFloorMs,
  'ms',
  null,
  null,
  `${BAUD} baud; simulated per-reply latency ${latency}; slowest device's floor (they run concurrently)`,
);
for (const f of sc.floors)
  figure(
    `selfcheck.floor.${f.device}`,
    `  ${f.device}: ${f.bytesIn} B in, ${f.bytesOut} B out, ${f.replies} replies`,
    f.floorMs,
    'ms',
    null,
    null,
    `alone: ${sc.aloneWallMs[f.device].toFixed(0)} ms wall`,
  );
// The modem's internal check, one command a line, took 23 replies and a 514 ms floor at this latency; queries now
// share command lines (V.250 concatenation), so its round trips and its own wall time are figures of their own.
const modemFloor = sc.floors.find((f) => f.device === 'modem');
const ONE_A_LINE_FLOOR_MS = 514;
figure(
  'selfcheck.modem.roundTrips',
  '  modem: round trips (command lines) per check',
  modemFloor.commandLines,
  '',
  '<= 5',
  modemFloor.commandLines <= 5,
  'probe, init, the queries on combined lines',
);
figure(
  'selfcheck.modem.wall',
  '  modem alone: wall time of its internal check',
  sc.aloneWallMs.modem,
  'ms',
  `<= ${ONE_A_LINE_FLOOR_MS / 2}`,
  sc.aloneWallMs.modem <= ONE_A_LINE_FLOOR_MS / 2,
  `half the ${ONE_A_LINE_FLOOR_MS} ms floor of one command a line, same latency; median of ${sc.runs}`,
);
figure('selfcheck.floorRatio', 'self-check wall / floor', sc.floorRatio, 'x', '<= 1.25', sc.floorRatio <= 1.25);
figure(
  'selfcheck.concurrency',
  `all devices / slowest alone (${sc.slowest})`,
  sc.concurrencyRatio,
  'x',
  '<= 1.15',
  sc.concurrencyRatio <= 1.15,
  `${sc.allWallMs.toFixed(0)} / ${sc.aloneWallMs[sc.slowest].toFixed(0)} ms`,
);
figure(
  'dead.wall',
  'dead modem (silent): run time',
  sc.dead.wallMs,
  'ms',
  `<= ${sc.dead.budgetMs + 100}`,
  sc.dead.wallMs <= sc.dead.budgetMs + 100,
  `budget ${sc.dead.budgetMs} ms (totalBudgetMs), modem status ${sc.dead.status}, ${sc.dead.overMs.toFixed(0)} ms over`,
);

// --- 2b: the contact chip reader (CCID) check against its wire floor ----------------------------------------
const { benchChipReader, CCID_LATENCY_MS } = await bundled('ccid');
// The simulator's floor is a few milliseconds a round trip; the rig (socat's two PTY hops, timers) costs about as
// much again, so the check is held to a bare replay of its own frames on the same rig, not to that floor.
for (const f of await benchChipReader(quick ? 2 : 5)) {
  const ratio = f.wallMs / f.replayMs;
  figure(
    `ccid.${f.level}.wall`,
    `chip reader check (${f.level}, ${f.fault})`,
    f.wallMs,
    'ms',
    null,
    null,
    `median; status ${f.status}; ${f.exchanges} exchanges (echo + answer each), port open and close included`,
  );
  figure(
    `ccid.${f.level}.floor`,
    `  simulator's floor: ${f.replies} replies, ${f.bytesOut} B paced out`,
    f.simFloorMs,
    'ms',
    null,
    null,
    `${CCID_LATENCY_MS} ms a reply, ${BAUD} baud 10 bits a byte, the last ~2 ms piece of a reply unpaced; the host's ${f.bytesIn} B cross the PTY unpaced; wall / floor ${(f.wallMs / f.simFloorMs).toFixed(2)}x`,
  );
  figure(
    `ccid.${f.level}.wireFloor`,
    "  a real reader's wire floor (115200 8N2, both ways)",
    f.wireFloorMs,
    'ms',
    null,
    null,
    `${f.bytesIn + f.bytesOut} B x 11 bits / ${BAUD} + ${f.replies} x ${CCID_LATENCY_MS} ms`,
  );
  figure(
    `ccid.${f.level}.replay`,
    '  the same frames, bare serialport stream, same rig',
    f.replayMs,
    'ms',
    null,
    null,
    `median; each frame sent when the previous answer is in; ${(f.replayMs / f.simFloorMs).toFixed(2)}x the simulator's floor`,
  );
  figure(
    `ccid.${f.level}.replayRatio`,
    '  wall / bare replay',
    ratio,
    'x',
    '<= 1.5',
    ratio <= 1.5,
    `${((f.wallMs - f.replayMs) / f.exchanges).toFixed(1)} ms an exchange: driver, check, open and close`,
  );
}

// --- 2c: time to cause: diagnose 96 for every fault of the simulated terminal, under both deadline profiles ----
// A child process per run (`diagnose --code 96 --sim D=F --no-print --events`), timed from its spawn to the
// first line (the catalog's hint) and to the cause line. The modem's round trips per check are above.
const TARGET_MS = 3000;
const FIRST_EVENT_MS = 300;
const { DEVICE_FAULTS } = await import(join(root, 'dist/sim.js'));
const faults = Object.entries(DEVICE_FAULTS).flatMap(([d, fs]) => fs.filter((f) => f !== 'healthy').map((f) => `${d}=${f}`));
const ttc = await measureTimeToCause(faults, { runs: quick ? 1 : 3 });
for (const [profile, r] of Object.entries(ttc)) {
  const cashier = profile === 'cashier';
  const worst = r.rows.reduce((a, b) => (b.maxMs > a.maxMs ? b : a));
  figure(
    `ttc.${profile}.healthy`,
    `diagnose 96, ${profile}: healthy terminal, time to cause`,
    r.healthy.medianMs,
    'ms',
    null,
    null,
    `median of ${r.runs}, max ${r.healthy.maxMs.toFixed(0)} ms, from the spawn`,
  );
  figure(
    `ttc.${profile}.worst`,
    `  slowest fault (${worst.sim}), max of ${r.runs}`,
    worst.maxMs,
    'ms',
    cashier ? `<= ${TARGET_MS}` : null,
    cashier ? worst.maxMs <= TARGET_MS : null,
    `${(worst.maxMs / r.healthy.medianMs).toFixed(2)}x healthy; cause ${worst.cause}`,
  );
  const over = r.rows.filter((x) => x.maxMs > TARGET_MS).map((x) => x.sim);
  figure(
    `ttc.${profile}.within`,
    `  faults whose cause came within ${TARGET_MS / 1000} s (max)`,
    `${r.rows.length - over.length}/${r.rows.length}`,
    '',
    cashier ? 'all' : null,
    cashier ? over.length === 0 : null,
    over.length ? `over: ${over.join(', ')}` : '',
  );
  figure(
    `ttc.${profile}.first`,
    '  first event (the catalog hint), max over every run',
    r.firstMaxMs,
    'ms',
    cashier ? `<= ${FIRST_EVENT_MS}` : null,
    cashier ? r.firstMaxMs <= FIRST_EVENT_MS : null,
    `median ${r.firstMedianMs.toFixed(0)} ms, from the spawn (Node's own start included)`,
  );
}
const ttcTable = timeToCauseTable(ttc, TARGET_MS);

// --- 3: the reference slip and its peers ------------------------------------------------------------------
const { benchSlip } = await bundled('slip');
const slip = benchSlip();
const smallestZh = Math.min(...Object.values(slip.zh.peers));
const smallestEn = Math.min(...Object.values(slip.en.peers));
figure('slip.zh.bytes', 'zh-CN code-96 slip, 58 mm', slip.zh.bytes, 'B', `<= ${smallestZh} (smallest peer)`, slip.zh.bytes <= smallestZh);
figure('slip.zh.wire9600', '  on the wire at 9600 baud', slip.zh.wire9600Ms, 'ms', null, null);
figure('slip.zh.wire115200', '  on the wire at 115200 baud', slip.zh.wire115200Ms, 'ms', null, null);
for (const [peer, bytes] of Object.entries(slip.zh.peers))
  figure(`slip.zh.${peer}`, `  ${peer} (same zh content)`, bytes, 'B', null, null, `x${(bytes / slip.zh.bytes).toFixed(2)} of posdiag`);
figure(
  'slip.zh.raster',
  '  as a GS v 0 raster of the printed roll',
  slip.zh.raster.bytes,
  'B',
  null,
  null,
  `${slip.zh.raster.rows} rows x 48 B; x${(slip.zh.raster.bytes / slip.zh.bytes).toFixed(1)} of posdiag; ${((slip.zh.raster.bytes * 10) / 9600).toFixed(1)} s at 9600`,
);
figure('slip.en.bytes', 'English slip, same content', slip.en.bytes, 'B', `<= ${smallestEn} (smallest peer)`, slip.en.bytes <= smallestEn);
for (const [peer, bytes] of Object.entries(slip.en.peers))
  figure(`slip.en.${peer}`, `  ${peer} (same en content)`, bytes, 'B', null, null, `x${(bytes / slip.en.bytes).toFixed(2)} of posdiag`);

// --- 4: cold start, bundle size, demo memory -----------------------------------------------------------------
const coldRuns = quick ? 10 : 21;
const cold = measureColdStart({ 'node -e 0': ['-e', '0'], 'posdiag explain 96': [cli, 'explain', '96'] }, coldRuns);
const coldRatio = cold['posdiag explain 96'].medianMs / cold['node -e 0'].medianMs;
figure('cold.node', 'node -e 0', cold['node -e 0'].medianMs, 'ms', null, null, `median of ${coldRuns}, interleaved`);
figure('cold.explain', 'node dist/cli.js explain 96', cold['posdiag explain 96'].medianMs, 'ms', null, null, `median of ${coldRuns}, interleaved`);
figure('cold.ratio', 'cold start / node -e 0', coldRatio, 'x', '<= 1.5', coldRatio <= 1.5);
const size = statSync(cli).size;
figure(
  'bundle.cli',
  'dist/cli.js',
  size / 1000,
  'KB',
  '<= 300',
  size <= 300_000,
  `${(size / 1024).toFixed(1)} KiB; dist/sim.js (the simulated terminal: simulators, demo and sim; not needed on a terminal) ${(statSync(join(root, 'dist/sim.js')).size / 1000).toFixed(0)} KB`,
);
const rss = demoPeakRss();
figure('demo.rss', `posdiag demo, peak RSS (${rss.how})`, rss.kb / 1024, 'MiB', '<= 80', rss.kb / 1024 <= 80, `exit ${rss.exit}, ${rss.ms.toFixed(0)} ms`);

// --- 5: catalog lookups ------------------------------------------------------------------------------------
const lookups = await measureLookups();
for (const r of lookups.rates) figure(`catalog.${r.label}`, r.label, r.perSecond, '/s', null, null);

// --- 6: the fleet: N terminals x 100 records through Mosquitto and fleet ingest into SQLite; the cashier's side -----
// 1,000 terminals by default (--fleet N for another count, --no-fleet to leave it out): about a minute, plus
// about a minute once for the certificates. bench/fleet.mjs runs it alone.
const fleetArg = process.argv.indexOf('--fleet');
const fleetTerminals = fleetArg > 0 ? Number(process.argv[fleetArg + 1]) : quick ? 100 : 1000;
if (!process.argv.includes('--no-fleet')) {
  const { benchFleet } = await bundled('fleet');
  const f = await benchFleet({ terminals: fleetTerminals, records: 100, window: 20, diagnoses: quick ? 5 : 11, log: (l) => console.log(`fleet: ${l}`) });
  const shape = `${f.terminals} terminals x 100`;
  figure(
    'fleet.rate',
    `fleet: ${shape} records, MQTT to SQLite`,
    f.recordsPerSec,
    'rec/s',
    null,
    null,
    `${f.records} records in ${f.secs.toFixed(1)} s, first publish to last ack; all connected (TLS, client certificates) in ${(f.connectAllMs / 1000).toFixed(1)} s; simulator peak RSS ${f.simRssMb.toFixed(0)} MiB`,
  );
  figure(
    'fleet.stored',
    '  stored exactly once',
    f.stored - f.diagnose.acknowledged,
    'rec',
    `= ${f.records}, 0 duplicates`,
    f.stored - f.diagnose.acknowledged === f.records && f.duplicates === 0,
    `${f.duplicates} duplicates dropped`,
  );
  figure('fleet.latency.p50', '  end-to-end latency p50 (publish to covering ack)', f.latencyMs.p50, 'ms', null, null);
  figure('fleet.latency.p90', '  end-to-end latency p90', f.latencyMs.p90, 'ms', null, null);
  figure('fleet.latency.p99', '  end-to-end latency p99', f.latencyMs.p99, 'ms', null, null, `max ${f.latencyMs.max} ms`);
  figure(
    'fleet.broker.cpu',
    '  broker CPU per record (/proc/PID/stat)',
    f.brokerUsPerRecord,
    'µs',
    null,
    null,
    `${f.brokerCpuMs} ms in all, fan-out to the ingest included`,
  );
  figure('fleet.ingest.cpu', '  fleet ingest CPU per record', f.ingestUsPerRecord, 'µs', null, null, `${f.ingestCpuMs} ms in all: parse, scrub, SQLite, acks`);
  figure(
    'fleet.diagnose.result',
    'diagnose with telemetry / without: until the result',
    f.diagnose.resultRatio,
    'x',
    '<= 1.05',
    f.diagnose.resultRatio <= 1.05,
    `median of ${f.diagnose.runs} each, interleaved; the detached flush shipped ${f.diagnose.acknowledged}/${f.diagnose.runs}`,
  );
  figure(
    'fleet.diagnose.exit',
    '  the same until the process exits',
    f.diagnose.ratio,
    'x',
    null,
    null,
    `${f.diagnose.withoutMs.toFixed(0)} / ${f.diagnose.withMs.toFixed(0)} ms without / with (the flush's process is started at exit)`,
  );
  figure(
    'bundle.telemetry',
    'dist/telemetry.js (the shipper, loaded only by telemetry)',
    f.telemetryBytes / 1000,
    'KB',
    null,
    null,
    `${(f.telemetryGzipBytes / 1000).toFixed(1)} KB gzipped; dist/cli.js ${f.cliBytes} B`,
  );
}

// --- table and results.json ----------------------------------------------------------------------------------
const fmt = (v) => (typeof v === 'number' ? (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en') : String(v)) : String(v));
console.log(`\nposdiag bench  (node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()[0].toFixed(2)})\n`);
console.log(`${'figure'.padEnd(52)} ${'value'.padStart(12)}  ${'target'.padEnd(24)} result`);
for (const r of rows) {
  const verdict = r.met === null ? '' : r.met ? 'met' : 'MISSED';
  console.log(
    `${r.label.padEnd(52)} ${`${fmt(r.value)} ${r.unit}`.padStart(12)}  ${String(r.target ?? '').padEnd(24)} ${verdict}${r.note ? `  (${r.note})` : ''}`,
  );
}
console.log(`\ntime to cause, diagnose --code 96 --sim D=F --no-print --events (median / max of the runs, from the spawn):\n${ttcTable}`);
const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, loadavg1: Number(loadavg()[0].toFixed(2)) },
  command: 'npm run bench',
  quick,
  figures: rows,
  timeToCause: ttc,
};
writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nwrote bench/results.json');

/**
 * Peak resident memory of one `posdiag demo`, whatever the demo does today: GNU time's maximum resident
 * set size when /usr/bin/time exists (the kernel's own figure for the process), else the process's own
 * maxRSS read at exit through a preload (-r) that only adds a listener.
 */
function demoPeakRss() {
  const start = performance.now();
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-f', 'POSDIAG_MAXRSS_KB=%M', process.execPath, cli, 'demo'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 << 20,
    });
    const m = /POSDIAG_MAXRSS_KB=(\d+)/.exec(r.stderr);
    if (m) return { kb: Number(m[1]), how: '/usr/bin/time %M', exit: r.status, ms: performance.now() - start };
  }
  const hook = join(cache, 'maxrss-hook.cjs');
  mkdirSync(cache, { recursive: true });
  writeFileSync(hook, "process.on('exit', () => process.stderr.write('\\nPOSDIAG_MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n");
  const r = spawnSync(process.execPath, ['-r', hook, cli, 'demo'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 << 20,
  });
  const m = /POSDIAG_MAXRSS_KB=(\d+)/.exec(r.stderr);
  return { kb: m ? Number(m[1]) : NaN, how: 'process.resourceUsage().maxRSS at exit', exit: r.status, ms: performance.now() - start };
}
