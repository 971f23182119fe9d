// `node [-r preload] library-slip-child.js DIST_INDEX`: the library (dist/index.js) as a payment app uses
// it, on a terminal without devices: diagnoses code 51 with an amount at a fixed time and prints, as JSON,
// the hint's title, the journal id and the stored slip's printer bytes (hex).
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const lib = require(process.argv[2]);
const dataDir = mkdtempSync(join(tmpdir(), 'posdiag-library-'));
const terminal = { id: '10000001', merchantId: '898310048990001', acquirer: 'cup', locale: 'zh-CN' };
const env = { config: { terminal, devices: {} }, checkEnv: { devices: {}, terminal }, simulated: false, dataDir, close: async () => undefined };

lib
  .runDiagnosis(env, { code: '51', locale: 'zh-CN', amount: 128.5, print: false, dataDir, now: () => new Date('2026-11-22T02:30:15Z') })
  .then(async (report) => {
    const stored = await lib.loadSlip(dataDir, report.slip.id);
    process.stdout.write(JSON.stringify({ title: report.cause.hint.title, journalId: report.journalId, slip: Buffer.from(stored.bytes).toString('hex') }));
  })
  .finally(() => rmSync(dataDir, { recursive: true, force: true }));
