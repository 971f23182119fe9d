/** `posdiag explain`, driven in-process: the DESIGN.md JSON shape, exit codes, locale and acquirer. */
import { main } from '../../../src/cli/program';
import { capturedIo } from '../../helpers/captured-io';

const io = capturedIo;

test('explain 96 --json prints exactly one document in the DESIGN.md shape', async () => {
  const t = io();
  await expect(main(['explain', '96', '--json'], t.handle)).resolves.toBe(0);
  const doc = JSON.parse(t.out());
  expect(doc).toMatchObject({
    code: '96',
    acquirer: 'cup',
    known: true,
    category: 'host',
    retry: 'later',
    checks: expect.arrayContaining(['network', 'modem', 'reader', 'printer']),
    hint: { locale: 'zh-CN', title: expect.stringMatching(/^96 /), action: expect.any(String) },
  });
  expect(t.err()).toBe('');
});

test('--acquirer and --locale (global, before or after the command) are honoured; zh-HK falls back to zh-TW', async () => {
  const t = io();
  await expect(main(['--locale', 'zh-HK', 'explain', '96', '--acquirer', 'lakala', '--json'], t.handle)).resolves.toBe(0);
  expect(JSON.parse(t.out())).toMatchObject({ acquirer: 'lakala', hint: { locale: 'zh-TW' }, checks: expect.arrayContaining(['params']) });
  const u = io({ POSDIAG_LOCALE: 'en' });
  await expect(main(['explain', 'a0', '--json'], u.handle)).resolves.toBe(0);
  expect(JSON.parse(u.out())).toMatchObject({ code: 'A0', category: 'security', hint: { locale: 'en' } });
});

test('terminal texts and local ids are accepted', async () => {
  for (const [input, id] of [
    ['NO COMMUNICATION', 'local.no-communication'],
    ['交易终止', 'local.transaction-terminated'],
    ['local.reversal-pending', 'local.reversal-pending'],
    ['T13', 'local.printer-paper-out'],
  ]) {
    const t = io();
    await expect(main(['explain', input!, '--json'], t.handle)).resolves.toBe(0);
    expect(JSON.parse(t.out()).id).toBe(id);
  }
});

test('an unknown code is not an error: exit 0, known false, the generic hint', async () => {
  const t = io();
  await expect(main(['explain', 'ZZ', '--json', '--locale', 'en'], t.handle)).resolves.toBe(0);
  expect(JSON.parse(t.out())).toMatchObject({ code: 'ZZ', known: false, category: 'unknown', hint: { title: 'ZZ Transaction not completed' } });
});

test('the text form shows the hint first, then the facts', async () => {
  const t = io();
  await expect(main(['explain', '96'], t.handle)).resolves.toBe(0);
  const lines = t.out().split('\n');
  expect(lines[0]).toBe('96 支付系统暂时故障');
  expect(t.out()).toContain('checks:   network, modem, reader, printer');
  expect(t.out()).not.toMatch(/\u001b\[/);
});

test.each([[['explain']], [['explain', '96', '05']], [['explain', '96', '--acquirer', 'nosuchbank']], [['explain', '96', '--locale', 'not a locale']]])(
  'bad usage %j exits 2',
  async (argv) => {
    const t = io();
    await expect(main(argv, t.handle)).resolves.toBe(2);
  },
);

test('bad usage with --json still prints one JSON error document', async () => {
  const t = io();
  await expect(main(['explain', '96', '--acquirer', 'nosuchbank', '--json'], t.handle)).resolves.toBe(2);
  expect(JSON.parse(t.out())).toEqual({ error: { code: 'Usage_Invalid', message: expect.stringContaining('nosuchbank') } });
});

test('explain refuses a configuration with a printer profile diagnose would refuse (exit 2), even "constructor"', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'posdiag-explain-'));
  try {
    for (const profile of ['constructor', '__proto__', 'no-such-printer']) {
      const file = join(dir, 'posdiag.json');
      writeFileSync(
        file,
        JSON.stringify({ terminal: { id: '10000001', merchantId: '898310048990001' }, devices: { printer: { path: '/dev/ttyS1', profile } } }),
      );
      const t = io();
      await expect(main(['explain', '96', '--config', file], t.handle)).resolves.toBe(2);
      expect(t.err()).toContain('devices.printer.profile');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
