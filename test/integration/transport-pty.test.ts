/**
 * The serial line against every line fault, over real pseudo-terminals and the native serialport
 * binding: what a device on a cable would do to posdiag.
 */
import { SerialLine } from '../../hal/transport/serial-line';
import { isHalError, HalError } from '../../hal/errors';
import { startOnPty, RunningSimulator } from '../../mocks/pty-attach';
import { nativeBinding } from '../../hal/transport/native-binding';
import { LineDevice, pongFor } from '../helpers/line-device';

const binding = nativeBinding();
let running: RunningSimulator<LineDevice> | null = null;
let line: SerialLine<string> | null = null;

async function setup(device = new LineDevice(), maxLineBytes?: number) {
  running = await startOnPty(device);
  line = await SerialLine.open<string>({
    binding,
    settings: { path: running.hostPath, baudRate: 115200 },
    framing: { kind: 'lines', maxLineBytes },
  });
  return { sim: device, line, running };
}

afterEach(async () => {
  await line?.close();
  await running?.close();
  line = null;
  running = null;
});

async function rejection(p: Promise<unknown>): Promise<HalError> {
  try {
    await p;
  } catch (err) {
    if (isHalError(err)) return err;
    throw err;
  }
  throw new Error('expected the request to fail');
}

test('a request gets its reply over a real pty', async () => {
  const { line, sim } = await setup();
  await expect(line.request('PING 1\r\n', { name: 'PING', timeoutMs: 2000, accept: pongFor('1') })).resolves.toBe('PONG 1');
  expect(sim.receivedBytes().toString()).toBe('PING 1\r\n');
});

test('unplug mid-request fails the request as disconnected within 100 ms, not at its deadline', async () => {
  const { line, sim } = await setup();
  let unpluggedAt = 0;
  sim.override((chunk, s) => {
    if (!chunk.toString().startsWith('PING')) return false;
    s.reply('PO'); // half a reply …
    void s.flushed().then(() => {
      unpluggedAt = performance.now();
      s.unplug(); // … then the cable is pulled
    });
    return true;
  });
  const err = await rejection(line.request('PING 2\r\n', { name: 'PING', timeoutMs: 5000, accept: pongFor('2') }));
  const after = performance.now() - unpluggedAt;
  expect(err.code).toBe('Transport_Disconnected');
  expect(unpluggedAt).toBeGreaterThan(0);
  expect(after).toBeLessThan(100);
  expect(line.isOpen).toBe(false);
  // A write after the device went away fails at once; it does not queue for a future open.
  await expect(line.write('PING 3\r\n')).rejects.toMatchObject({ code: 'Transport_Disconnected' });
});

test('a silent device times out at the deadline (± 50 ms)', async () => {
  const { line, sim } = await setup();
  sim.faults.silent = true;
  const started = performance.now();
  const err = await rejection(line.request('PING 4\r\n', { name: 'PING', timeoutMs: 300, accept: pongFor('4') }));
  const took = performance.now() - started;
  expect(err.code).toBe('Transport_Timeout');
  expect(err.message).toContain('300 ms');
  expect(took).toBeGreaterThanOrEqual(295);
  expect(took).toBeLessThanOrEqual(350);
});

test('1 MiB without a delimiter is an overflow, and the line keeps no more than its limit', async () => {
  const { line, sim } = await setup(new LineDevice(), 4096);
  sim.faults.streamWithoutDelimiter = 1024 * 1024;
  let most = 0;
  const sampler = setInterval(() => (most = Math.max(most, line.bufferedBytes())), 1);
  const err = await rejection(line.request('PING 5\r\n', { name: 'PING', timeoutMs: 5000, accept: pongFor('5') }));
  await sim.flushed();
  clearInterval(sampler);
  expect(err.code).toBe('Transport_Overflow');
  expect(most).toBeLessThanOrEqual(4096);
  // The rest of the stream is thrown away, not parsed into lines or kept.
  await new Promise((r) => setTimeout(r, 50));
  expect(line.bufferedBytes()).toBeLessThanOrEqual(4096);
  expect(line.stats.discardedBytes).toBeGreaterThan(1024 * 1024 - 70_000);
  // The line still works once the device behaves.
  sim.faults.streamWithoutDelimiter = 0;
  await expect(line.request('\r\nPING 6\r\n', { name: 'PING', timeoutMs: 2000, accept: pongFor('6') })).resolves.toBe('PONG 6');
});

test('a missing device node is Transport_NotFound with the path', async () => {
  const err = await rejection(SerialLine.open({ binding, settings: { path: '/tmp/posdiag-no-such-tty', baudRate: 9600 }, framing: { kind: 'lines' } }));
  expect(err.code).toBe('Transport_NotFound');
  expect(err.message).toContain('/tmp/posdiag-no-such-tty');
});

test('a port already held is Transport_Busy with the path', async () => {
  const { running } = await setup();
  const err = await rejection(SerialLine.open({ binding, settings: { path: running.hostPath, baudRate: 115200 }, framing: { kind: 'lines' } }));
  expect(err.code).toBe('Transport_Busy');
  expect(err.message).toContain(running.hostPath);
});

test('a late reply after a timeout is discarded and never handed to the next request', async () => {
  const { line, sim } = await setup();
  sim.override((chunk, s) => {
    if (chunk.toString() !== 'PING 7\r\n') return false;
    setTimeout(() => s.reply('PONG 7\r\n'), 200); // 50 ms after the 150 ms deadline, inside the quiet window
    return true;
  });
  const err = await rejection(line.request('PING 7\r\n', { name: 'PING', timeoutMs: 150, accept: pongFor('7') }));
  expect(err.code).toBe('Transport_Timeout');
  // The next request takes any PONG: if the late one leaked through, it would get "PONG 7".
  const anyPong = (l: string) => (l.startsWith('PONG') ? { kind: 'done' as const, value: l } : { kind: 'skip' as const });
  await expect(line.request('PING 8\r\n', { name: 'PING', timeoutMs: 2000, accept: anyPong })).resolves.toBe('PONG 8');
  expect(line.stats.timeouts).toBe(1);
  expect(line.stats.discardedBytes).toBeGreaterThanOrEqual('PONG 7\r\n'.length);
});

test('an unsolicited storm does not keep a request alive past its deadline, and reaches the unsolicited channel', async () => {
  const { line, sim } = await setup();
  sim.override((chunk) => chunk.toString().startsWith('PING'));
  const storm = setInterval(() => sim.reply('+CREG: 1\r\n'), 5);
  const seen: string[] = [];
  line.onUnsolicited((l) => seen.push(l));
  const started = performance.now();
  const err = await rejection(line.request('PING 9\r\n', { name: 'PING', timeoutMs: 300, accept: pongFor('9') }));
  const took = performance.now() - started;
  clearInterval(storm);
  await sim.flushed();
  expect(err.code).toBe('Transport_Timeout');
  expect(took).toBeLessThanOrEqual(350);
  expect(seen.length).toBeGreaterThan(5);
  expect(seen.every((l) => l === '+CREG: 1')).toBe(true);
});

test('garbage never crashes the line: the request times out and the line stays usable', async () => {
  const { line, sim } = await setup();
  sim.faults.garbage = true;
  const err = await rejection(line.request('PING 10\r\n', { name: 'PING', timeoutMs: 200, accept: pongFor('10') }));
  expect(['Transport_Timeout', 'Transport_Overflow']).toContain(err.code);
  sim.faults.garbage = false;
  await expect(line.request('\r\nPING 11\r\n', { name: 'PING', timeoutMs: 2000, accept: pongFor('11') })).resolves.toBe('PONG 11');
});

test('replies split into single bytes, or merged into one chunk, are framed the same', async () => {
  const { line, sim } = await setup();
  sim.faults.splitBytes = 1;
  await expect(line.request('PING 12\r\n', { name: 'PING', timeoutMs: 2000, accept: pongFor('12') })).resolves.toBe('PONG 12');
  sim.faults.splitBytes = undefined;
  sim.faults.mergeWindowMs = 30;
  const lines: string[] = [];
  const both = line.request('HELLO\r\n', {
    name: 'HELLO',
    timeoutMs: 2000,
    accept: (l) => {
      lines.push(l);
      return lines.length === 2 ? { kind: 'done', value: lines } : { kind: 'more' };
    },
  });
  await expect(both).resolves.toEqual(['HI', 'THERE']);
});

test('close is idempotent, fails what is pending, and writes after it fail instead of hanging', async () => {
  const { line, sim } = await setup();
  sim.faults.silent = true;
  const pending = expect(line.request('PING 13\r\n', { name: 'PING', timeoutMs: 10_000, accept: pongFor('13') })).rejects.toMatchObject({
    code: 'Transport_Closed',
  });
  await new Promise((r) => setTimeout(r, 20)); // the request is on the wire and waiting
  const first = line.close();
  expect(line.close()).toBe(first);
  await first;
  await pending;
  await expect(line.write('PING 14\r\n')).rejects.toMatchObject({ code: 'Transport_Closed' });
  await expect(line.request('PING 15\r\n', { name: 'PING', timeoutMs: 100, accept: pongFor('15') })).rejects.toMatchObject({ code: 'Transport_Closed' });
});
