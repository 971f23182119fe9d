/**
 * What goes around an ISO 8583 message on a TCP host link: a 2-byte big-endian length (the count of the
 * bytes after it), then an optional TPDU (5 bytes: id 0x60, destination address, source address; the host
 * answers with the two addresses swapped), then an optional acquirer header, then the message. Pure.
 */
export interface Envelope {
  /** TPDU bytes, e.g. 60 00 03 00 00; empty or absent when the acquirer uses none. */
  tpdu?: Uint8Array;
  /** Acquirer-specific header after the TPDU (the CUP POS "报文头"); absent when none. */
  header?: Uint8Array;
}

/** The largest body a 2-byte length can announce. */
export const MAX_BODY_BYTES = 0xffff;

export function wrap(message: Uint8Array, envelope: Envelope = {}): Uint8Array {
  const tpdu = envelope.tpdu ?? new Uint8Array(0);
  const header = envelope.header ?? new Uint8Array(0);
  const bodyLength = tpdu.length + header.length + message.length;
  if (bodyLength > MAX_BODY_BYTES) throw new RangeError(`message of ${bodyLength} bytes does not fit a 2-byte length`);
  const out = new Uint8Array(2 + bodyLength);
  out[0] = bodyLength >> 8;
  out[1] = bodyLength & 0xff;
  out.set(tpdu, 2);
  out.set(header, 2 + tpdu.length);
  out.set(message, 2 + tpdu.length + header.length);
  return out;
}

export interface Unwrapped {
  tpdu: Uint8Array;
  header: Uint8Array;
  message: Uint8Array;
}

/**
 * Splits a body (the bytes after the length) into TPDU, header and message, given how long the TPDU and
 * header are expected to be. Returns null when the body is too short to hold them.
 */
export function unwrap(body: Uint8Array, tpduLength: number, headerLength: number): Unwrapped | null {
  if (body.length < tpduLength + headerLength) return null;
  return {
    tpdu: body.subarray(0, tpduLength),
    header: body.subarray(tpduLength, tpduLength + headerLength),
    message: body.subarray(tpduLength + headerLength),
  };
}

/** The TPDU a host sends back: same id, destination and source swapped. */
export function answerTpdu(tpdu: Uint8Array): Uint8Array {
  if (tpdu.length !== 5) return Uint8Array.from(tpdu);
  return Uint8Array.from([tpdu[0], tpdu[3], tpdu[4], tpdu[1], tpdu[2]]);
}
