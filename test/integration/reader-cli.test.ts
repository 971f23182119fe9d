/**
 * `posdiag selftest reader --sim pn532=F|msr605=F --json`, driven in-process through the CLI's main():
 * the simulated terminal puts the named reader on a real pty and the reader check finds its fault.
 */
import { main } from '../../src/cli/program';
import { capturedIo } from '../helpers/captured-io';
import { requireSystemTool } from '../../mocks/system-tools';

// The simulated terminal on real pseudo-terminals: without socat each test here fails with the command that installs it.
beforeAll(() => {
  requireSystemTool('socat');
});

const io = () => capturedIo();

test.each([
  ['pn532=healthy', 'internal', 'pass', [{ id: 'reader.firmware', status: 'pass', value: 'PN532 v1.6' }]],
  ['pn532=rom-fail', 'internal', 'fail', [{ id: 'reader.rom', status: 'fail' }]],
  ['pn532=antenna-fail', 'external', 'fail', [{ id: 'reader.antenna', status: 'fail' }]],
  ['pn532=card-present', 'interactive', 'pass', [{ id: 'reader.tap', status: 'pass' }]],
  ['msr605=ram-fail', 'internal', 'fail', [{ id: 'reader.ram', status: 'fail', value: '0x41' }]],
  ['msr605=swipe', 'interactive', 'pass', [{ id: 'reader.swipe', status: 'pass', message: 'check.reader.swipe.ok' }]],
])('selftest reader --sim %s --level %s --json', async (sim, level, status, findings) => {
  const t = io();
  await expect(main(['selftest', 'reader', '--sim', sim, '--level', level, '--json'], t.handle)).resolves.toBe(0);
  const doc = JSON.parse(t.out());
  expect(doc.devices).toHaveLength(1);
  expect(doc.devices[0]).toMatchObject({ device: 'reader', status });
  for (const f of findings) expect(doc.devices[0].findings).toContainEqual(expect.objectContaining(f));
  expect(t.out()).not.toContain('4761739001010010');
});
