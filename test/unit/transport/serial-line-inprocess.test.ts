/**
 * The serial line's timing rules with a fake clock, over the in-process binding: deadlines to the
 * millisecond, without waiting for them. The same rules are checked on real PTYs in test/integration.
 */
import { SerialLine, resolveTiming } from '../../../hal/transport/serial-line';
import { Framer } from '../../../hal/transport/framer';
import { InProcessBinding } from '../../../mocks/in-process-binding';
import { FakeClock, settle } from '../../../mocks/fake-clock';
import { LineDevice, pongFor } from '../../helpers/line-device';
import { DeviceSimulator } from '../../../mocks/simulator';

async function open(clock = new FakeClock()) {
  const binding = new InProcessBinding();
  const sim = new LineDevice({ clock });
  binding.connect('/dev/ttySIM0', sim);
  const line = await SerialLine.open<string>({ binding, clock, settings: { path: '/dev/ttySIM0', baudRate: 115200 }, framing: { kind: 'lines' } });
  return { binding, sim, line, clock };
}

test('the deadline is absolute: a request fails at exactly its timeout, however many bytes arrive meanwhile', async () => {
  const { sim, line, clock } = await open();
  sim.override(() => true); // swallow every request
  const outcome = line.request('PING 1\r\n', { name: 'PING', timeoutMs: 1000, accept: pongFor('1') }).then(
    () => 'resolved',
    (e) => e.code,
  );
  for (let t = 0; t < 999; t += 100) {
    sim.reply('+CSQ: 20,99\r\n'); // unsolicited bytes must not extend the deadline
    await clock.advance(Math.min(100, 999 - t));
  }
  await settle();
  let settled = false;
  void outcome.then(() => (settled = true));
  await settle();
  expect(settled).toBe(false);
  await clock.advance(1);
  await expect(outcome).resolves.toBe('Transport_Timeout');
  await line.close();
});

test('after a timeout the next request waits for quiet, and a late reply is not its answer', async () => {
  const { sim, line, clock } = await open();
  sim.override((chunk, s) => {
    if (chunk.toString() !== 'PING 1\r\n') return false;
    clock.setTimeout(() => s.reply('PONG 1\r\n'), 150); // 50 ms after the deadline
    return true;
  });
  const first = line.request('PING 1\r\n', { name: 'PING', timeoutMs: 100, accept: pongFor('1') }).catch((e) => e.code);
  await clock.advance(100);
  await expect(first).resolves.toBe('Transport_Timeout');
  const anyPong = (l: string) => (l.startsWith('PONG') ? { kind: 'done' as const, value: l } : { kind: 'skip' as const });
  const second = line.request('PING 2\r\n', { name: 'PING', timeoutMs: 1000, accept: anyPong });
  await clock.advance(50); // the late PONG 1 arrives now, while the line drains
  await clock.advance(200); // quiet long enough: PING 2 goes out
  await expect(second).resolves.toBe('PONG 2');
  expect(line.stats.discardedBytes).toBe('PONG 1\r\n'.length);
  await line.close();
});

test('requests are served one at a time, in call order', async () => {
  const { sim, line } = await open();
  const a = line.request('PING a\r\n', { name: 'PING', timeoutMs: 1000, accept: pongFor('a') });
  const b = line.request('PING b\r\n', { name: 'PING', timeoutMs: 1000, accept: pongFor('b') });
  await expect(Promise.all([a, b])).resolves.toEqual(['PONG a', 'PONG b']);
  expect(sim.received.map((c) => c.toString())).toEqual(['PING a\r\n', 'PING b\r\n']);
  await line.close();
});

test('unplug fails the pending request at once, and a reopen finds no device', async () => {
  const { binding, sim, line, clock } = await open();
  sim.override(() => true);
  const pending = line.request('PING 1\r\n', { name: 'PING', timeoutMs: 60_000, accept: pongFor('1') }).catch((e) => e.code);
  await settle();
  sim.unplug();
  await expect(pending).resolves.toBe('Transport_Disconnected');
  expect(clock.pending()).toBe(0);
  await expect(SerialLine.open({ binding, clock, settings: { path: '/dev/ttySIM0', baudRate: 9600 }, framing: { kind: 'lines' } })).rejects.toMatchObject({
    code: 'Transport_NotFound',
  });
  await line.close();
});

class ByteDevice extends DeviceSimulator {
  protected onHostBytes(): void {}
}

/** A framer for a toy protocol: frames are STX … ETX; anything outside is junk, kept bounded. */
class StxEtxFramer implements Framer<{ kind: 'frame' | 'discarded'; bytes: Buffer }> {
  private buf = Buffer.alloc(0);
  push(chunk: Uint8Array) {
    this.buf = Buffer.concat([this.buf, chunk]);
    const out: Array<{ kind: 'frame' | 'discarded'; bytes: Buffer }> = [];
    for (;;) {
      const start = this.buf.indexOf(0x02);
      if (start < 0) {
        if (this.buf.length) out.push({ kind: 'discarded', bytes: this.buf });
        this.buf = Buffer.alloc(0);
        return out;
      }
      if (start > 0) out.push({ kind: 'discarded', bytes: this.buf.subarray(0, start) });
      const end = this.buf.indexOf(0x03, start);
      if (end < 0) {
        this.buf = this.buf.subarray(start);
        return out;
      }
      out.push({ kind: 'frame', bytes: this.buf.subarray(start + 1, end) });
      this.buf = this.buf.subarray(end + 1);
    }
  }
  buffered() {
    return this.buf.length;
  }
  reset() {
    this.buf = Buffer.alloc(0);
  }
}

test('a binary framer that never sees a frame end hits the buffer limit as an overflow', async () => {
  const clock = new FakeClock();
  const binding = new InProcessBinding();
  const sim = new ByteDevice({ clock });
  binding.connect('/dev/ttyBIN', sim);
  const line = await SerialLine.open({
    binding,
    clock,
    settings: { path: '/dev/ttyBIN', baudRate: 115200 },
    framing: { kind: 'frames', framer: new StxEtxFramer(), maxBufferedBytes: 1024 },
  });
  const pending = line
    .request(null, { name: 'frame', timeoutMs: 10_000, accept: (f) => (f.kind === 'frame' ? { kind: 'done', value: f.bytes } : { kind: 'skip' }) })
    .catch((e) => e.code);
  sim.reply(Buffer.concat([Buffer.from([0x02]), Buffer.alloc(4096, 0x41)]));
  await settle(20);
  await expect(pending).resolves.toBe('Transport_Overflow');
  expect(line.bufferedBytes()).toBe(0);
  await line.close();
});

test.each([
  [{ lateReplyQuietMs: -1 }, 'timing.lateReplyQuietMs'],
  [{ closeMs: 0 }, 'timing.closeMs'],
  [{ lateReplyDrainMs: Number.NaN }, 'timing.lateReplyDrainMs'],
])('a timing option out of range is refused and named: %j', (partial, field) => {
  expect(() => resolveTiming(partial)).toThrow(field);
});

describe('the line bound counts every byte since the last complete delimiter', () => {
  test.each([
    ['bare LF on a CRLF line', 'x\n'],
    ['bare CR on a CRLF line', 'x\r'],
    ['LF CR (the delimiter reversed)', 'x\n\r'],
  ])('%s cannot reset it: the stream is an overflow, counted, and never held beyond the limit', async (_name, piece) => {
    const { sim, line } = await open();
    sim.override(() => true);
    let outcome = 'pending';
    void line.request('PING 1\r\n', { name: 'PING', timeoutMs: 60_000, accept: pongFor('1') }).catch((e) => (outcome = e.code));
    await settle();
    let most = 0;
    for (let i = 0; i < 3000; i++) {
      sim.reply(piece);
      if (i % 100 === 0) {
        await settle();
        most = Math.max(most, line.bufferedBytes());
      }
    }
    await settle(20);
    most = Math.max(most, line.bufferedBytes());
    expect(outcome).toBe('Transport_Overflow');
    expect(line.stats.overflows).toBeGreaterThanOrEqual(1);
    expect(most).toBeLessThanOrEqual(4096);
    await line.close();
  });

  test('a delimiter split across chunks still ends the line, and the next line is read', async () => {
    const { sim, line } = await open();
    sim.override(() => true);
    const got: string[] = [];
    line.onUnsolicited((l) => got.push(l));
    sim.reply('A'.repeat(4000) + '\r');
    await settle();
    sim.reply('\n' + 'B'.repeat(4000) + '\r');
    await settle();
    sim.reply('\nC\r\n');
    await settle(20);
    expect(got).toEqual(['A'.repeat(4000), 'B'.repeat(4000), 'C']);
    expect(line.stats.overflows).toBe(0);
    await line.close();
  });

  test('after an overflow the tail is skipped up to a complete delimiter, not a bare LF', async () => {
    const { sim, line } = await open();
    sim.override(() => true);
    const got: string[] = [];
    line.onUnsolicited((l) => got.push(l));
    sim.reply('Z'.repeat(5000));
    await settle();
    sim.reply('tail\nstill tail\r\nOK\r\n');
    await settle(20);
    expect(line.stats.overflows).toBe(1);
    expect(got).toEqual(['OK']);
    await line.close();
  });
});
