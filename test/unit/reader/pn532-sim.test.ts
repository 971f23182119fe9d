/**
 * What the PN532 simulator accepts from a host: the wake-up variants and SAMConfiguration forms that
 * real hosts send (libnfc: 55 55 + 14×00 and `14 01`; dotnet/iot: 55 55 + 25×00; UM0701: `14 01 <timeout>
 * <irq>`), in any chunking. Each must get ACK then `D5 15`.
 */
import { ACK_FRAME, commandFrame, NACK_FRAME, replyFrame, toHex } from '../../../hal/reader/pn532-codec';
import { Pn532Framer } from '../../../hal/reader/pn532-framer';
import { Pn532Simulator } from '../../../mocks/pn532-sim';
import { memoryLink } from '../../helpers/memory-link';

/** A simulator on a capturing link: what it writes back, as frames. */
function harness(sim = new Pn532Simulator('healthy')) {
  const link = memoryLink(sim);
  return {
    sim,
    send: (bytes: Uint8Array, pieces = 1) => {
      const step = Math.ceil(bytes.length / pieces);
      for (let i = 0; i < bytes.length; i += step) link.toDevice(bytes.subarray(i, i + step));
    },
    replies: async () => {
      await sim.flushed();
      return new Pn532Framer().push(Uint8Array.from(link.out)).map((f) => (f.kind === 'data' ? `data ${toHex(f.body)}` : f.kind));
    },
  };
}

const wakeups: Array<[string, number[]]> = [
  ['no wake-up at all', []],
  ['55 55 alone', [0x55, 0x55]],
  ['55 55 + 14×00 (libnfc)', [0x55, 0x55, ...new Array<number>(14).fill(0)]],
  ['55 55 + 25×00 (dotnet/iot)', [0x55, 0x55, ...new Array<number>(25).fill(0)]],
  ['55 55 + 300×00', [0x55, 0x55, ...new Array<number>(300).fill(0)]],
];
const samForms: Array<[string, number[]]> = [
  ['14 01 (libnfc)', [0x01]],
  ['14 01 14', [0x01, 0x14]],
  ['14 01 14 01 (timeout 1 s, IRQ on)', [0x01, 0x14, 0x01]],
];

describe.each(wakeups)('wake-up: %s', (_w, wake) => {
  test.each(samForms)('then SAMConfiguration %s, in 1 and in 7 pieces', async (_s, params) => {
    for (const pieces of [1, 7]) {
      const h = harness();
      h.send(Uint8Array.from([...wake, ...commandFrame(0x14, params)]), pieces);
      expect(await h.replies()).toEqual(['ack', 'data 15']);
      h.sim.stop();
    }
  });
});

test('an unknown command gets ACK then the syntax-error frame', async () => {
  const h = harness();
  h.send(commandFrame(0x7e));
  expect(await h.replies()).toEqual(['ack', 'error']);
});

test('NACK from the host makes the chip send its last reply again', async () => {
  const h = harness();
  h.send(commandFrame(0x02));
  h.send(NACK_FRAME);
  expect(await h.replies()).toEqual(['ack', 'data 03 32 01 06 07', 'data 03 32 01 06 07']);
});

test('bad-checksum: the ACK is fine, the reply frame fails its DCS', async () => {
  const h = harness(new Pn532Simulator('bad-checksum'));
  h.send(commandFrame(0x02));
  expect(await h.replies()).toEqual(['ack', 'invalid']);
});

test('card-present: the card answers the first type-A poll after the field comes on, as libnfc expects', async () => {
  const h = harness(new Pn532Simulator('card-present'));
  h.send(commandFrame(0x4a, [0x01, 0x00]));
  h.send(commandFrame(0x4a, [0x01, 0x00]));
  h.send(commandFrame(0x32, [0x01, 0x00])); // field off: the card resets
  h.send(commandFrame(0x4a, [0x01, 0x00]));
  const found = 'data 4B 01 01 00 04 08 04 DE AD BE EF';
  expect(await h.replies()).toEqual(['ack', found, 'ack', 'data 4B 00', 'ack', 'data 33', 'ack', found]);
  expect(toHex(replyFrame(0x4a, [0x00]))).toBe('00 00 FF 03 FD D5 4B 00 E0 00'); // [libnfc-trace] "no card"
  expect(toHex(ACK_FRAME)).toBe('00 00 FF 00 FF 00');
});

test('GetGeneralStatus reports the RF field on at power-up and off after RFConfiguration turns it off', async () => {
  const h = harness();
  h.send(commandFrame(0x04));
  h.send(commandFrame(0x32, [0x01, 0x00]));
  h.send(commandFrame(0x04));
  expect(await h.replies()).toEqual(['ack', 'data 05 00 01 00 00', 'ack', 'data 33', 'ack', 'data 05 00 00 00 00']);
});
