/**
 * `posdiag explain` starts cold: it must never make the GB18030 decoder (and so never decode the code
 * tables the printer's encoder is built from). The real bundle runs in a child with a preload that
 * reports every GB18030 TextDecoder made; `slip last --text` on a Chinese slip shows the report works.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EscPosBuilder } from '../../hal/printer/builder';
import { PRINTER_PROFILES } from '../../hal/printer/profiles';
import { saveSlip } from '../../src/journal';
import { cliBundle, type CliBundle } from '../helpers/cli-bundle';

const MARK = '[gb18030 decoder made]';
const TABLE_MARK = '[gb18030 table read]';
const PRELOAD = `
const util = require('node:util');
const Real = util.TextDecoder;
class Traced extends Real {
  constructor(label, ...rest) {
    super(label, ...rest);
    if (/gb/i.test(String(label))) process.stderr.write(${JSON.stringify(MARK + '\n')});
  }
}
util.TextDecoder = Traced;
globalThis.TextDecoder = Traced;
`;
// On a Node whose TextDecoder has no GB18030: reports every read of the table file instead.
const TABLE_PRELOAD = `
require(${JSON.stringify(join(__dirname, '../helpers/text-decoder-limit.js'))});
const fs = require('node:fs');
const read = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (/gb18030\.bin$/.test(String(path))) process.stderr.write(${JSON.stringify(TABLE_MARK + '\n')});
  return read.call(this, path, ...rest);
};
`;

let bundle: CliBundle;
let dir: string;

beforeAll(async () => {
  bundle = cliBundle();
  dir = mkdtempSync(join(tmpdir(), 'posdiag-gb-cold-'));
  writeFileSync(join(dir, 'trace.js'), PRELOAD);
  writeFileSync(join(dir, 'trace-table.js'), TABLE_PRELOAD);
  const slip = new EscPosBuilder(PRINTER_PROFILES['generic-58']).init().line('交易诊断单').cut().encode();
  // Without a configuration posdiag is the simulated terminal, whose data lives in <POSDIAG_HOME>/sim.
  await saveSlip(join(dir, 'sim'), '000000001', slip, { paperWidth: 58, locale: 'zh-CN', code: '96', time: '2026-11-22T10:30:15+08:00' });
}, 60_000);

afterAll(() => {
  bundle?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function posdiag(...args: string[]) {
  return traced('trace.js', args);
}

async function traced(preload: string, args: string[]) {
  const env = { ...process.env, ...bundle.env, POSDIAG_HOME: dir, POSDIAG_LOCALE: 'zh-CN' };
  return promisify(execFile)(process.execPath, ['-r', join(dir, preload), bundle.cli, ...args], { env, timeout: 20_000 });
}

test.each([[['explain', '96']], [['explain', '96', '--json']], [['explain', '交易终止']]])('posdiag %j makes no GB18030 decoder', async (args) => {
  const { stdout, stderr } = await posdiag(...args);
  expect(stdout).toMatch(/96|交易/);
  expect(stderr).not.toContain(MARK);
});

test('the trace works: previewing a Chinese slip makes the decoder', async () => {
  const { stdout, stderr } = await posdiag('slip', 'last', '--text');
  expect(stdout).toContain('交易诊断单');
  expect(stderr).toContain(MARK);
});

test.each([[['explain', '96']], [['explain', '交易终止', '--json']]])('without GB18030 in TextDecoder, posdiag %j never reads the table file', async (args) => {
  const { stdout, stderr } = await traced('trace-table.js', args);
  expect(stdout).toMatch(/96|交易/);
  expect(stderr).not.toContain(TABLE_MARK);
});

test('the table trace works: previewing a Chinese slip there reads the table once', async () => {
  const { stdout, stderr } = await traced('trace-table.js', ['slip', 'last', '--text']);
  expect(stdout).toContain('交易诊断单');
  expect(stderr.split(TABLE_MARK).length - 1).toBe(1);
});
