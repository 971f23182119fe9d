// Time to cause: `posdiag diagnose --code 96 --sim DEVICE=FAULT --no-print --events` for every fault of the
// simulated terminal (mocks/faults.ts, as dist/sim.js exports it), under each deadline profile, N runs each,
// one at a time. For each run: the time from the spawn to the first line (the start event with the
// catalog's hint) and to the cause line.
//   node bench/time-to-cause.mjs [--runs N] [--profile cashier|thorough]   (alone: prints its table)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli.js');

/** One diagnosis in a child process: ms from the spawn to the first line and to the cause line, and the cause. */
function once(sim, profile, home) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, 'diagnose', '--code', '96', '--sim', sim, '--no-print', '--events', '--profile', profile], {
      env: { ...process.env, POSDIAG_HOME: home },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const out = { firstMs: null, causeMs: null, cause: null };
    createInterface({ input: child.stdout }).on('line', (line) => {
      const at = performance.now() - t0;
      out.firstMs ??= at;
      const doc = JSON.parse(line);
      if (doc.event === 'cause') Object.assign(out, { causeMs: at, cause: doc.cause.id });
    });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 && out.cause ? resolve(out) : reject(new Error(`${sim} (${profile}): exit ${code}`))));
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `faults`: ['modem=silent', …]; returns per profile the healthy run and every fault's median and max. */
export async function measureTimeToCause(faults, { runs = 3, profiles = ['cashier', 'thorough'], progress = () => undefined } = {}) {
  const home = mkdtempSync(join(tmpdir(), 'posdiag-bench-ttc-'));
  const out = {};
  try {
    for (const profile of profiles) {
      const rows = [];
      for (const sim of ['', ...faults]) {
        const samples = [];
        for (let i = 0; i < runs; i++) samples.push(await once(sim, profile, home));
        const causeMs = samples.map((s) => s.causeMs);
        const firstMs = samples.map((s) => s.firstMs);
        const causes = [...new Set(samples.map((s) => s.cause))];
        rows.push({
          sim: sim || 'healthy',
          cause: causes.join('|'),
          medianMs: median(causeMs),
          maxMs: Math.max(...causeMs),
          firstMedianMs: median(firstMs),
          firstMaxMs: Math.max(...firstMs),
        });
        progress(`${profile} ${sim || 'healthy'}: ${rows.at(-1).medianMs.toFixed(0)} ms`);
      }
      const healthy = rows[0];
      for (const r of rows) r.ratio = r.medianMs / healthy.medianMs;
      out[profile] = {
        runs,
        healthy,
        rows: rows.slice(1),
        firstMaxMs: Math.max(...rows.map((r) => r.firstMaxMs)),
        firstMedianMs: median(rows.map((r) => r.firstMedianMs)),
      };
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return out;
}

/** The table as README shows it: one row a fault, both profiles side by side. */
export function timeToCauseTable(result, targetMs) {
  const profiles = Object.keys(result);
  const head = `| fault | cause | ${profiles.map((p) => `${p} median / max (× healthy)`).join(' | ')} | within ${targetMs / 1000} s (${profiles[0]}, max) |`;
  const lines = [head, `|${'---|'.repeat(3 + profiles.length)}`];
  const first = result[profiles[0]];
  const row = (label, pick) => {
    const cells = profiles.map((p) => {
      const r = pick(result[p]);
      return `${(r.medianMs / 1000).toFixed(2)} / ${(r.maxMs / 1000).toFixed(2)} s (${r.ratio.toFixed(2)}×)`;
    });
    const r0 = pick(first);
    return `| ${label} | ${r0.cause} | ${cells.join(' | ')} | ${r0.maxMs <= targetMs ? 'yes' : 'NO'} |`;
  };
  lines.push(row('healthy', (x) => x.healthy));
  first.rows.forEach((r, i) => lines.push(row(r.sim, (x) => x.rows[i])));
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { DEVICE_FAULTS } = await import(join(root, 'dist/sim.js')).catch(() => ({}));
  const faults = Object.entries(DEVICE_FAULTS ?? {}).flatMap(([d, fs]) => fs.filter((f) => f !== 'healthy').map((f) => `${d}=${f}`));
  if (!faults.length) throw new Error('dist/sim.js gives no fault list: run node build.mjs');
  const result = await measureTimeToCause(faults, {
    runs: Number(arg('--runs', 3)),
    profiles: arg('--profile', 'cashier,thorough').split(','),
    progress: (l) => process.stderr.write(`${l}\n`),
  });
  console.log(timeToCauseTable(result, 3000));
  for (const [p, r] of Object.entries(result)) console.log(`${p}: first event median ${r.firstMedianMs.toFixed(0)} ms, max ${r.firstMaxMs.toFixed(0)} ms`);
}
