/**
 * CCID messages on a serial line, as libccid's GemPC Twin serial driver (ccid_serial.c) frames them:
 *
 *   03 06 <CCID message: 10-byte header + dwLength data bytes> LRC     LRC = XOR of every byte before it
 *   03 15 16                                                         NAK from the reader: send it again
 *   50 02 / 50 03                                                    card removed / inserted, between frames
 *   80..FF (one byte)                                                time request of a slow T=0 card
 *
 * The header is CCID Rev 1.1 §6: type, dwLength (LE), bSlot, bSeq, then three message-specific bytes
 * (bStatus, bError, and one more in the reader's answers). Pure: no I/O.
 */

export const SYNC = 0x03;
export const CTRL_ACK = 0x06;
export const CTRL_NAK = 0x15;
export const NAK_FRAME = Uint8Array.of(SYNC, CTRL_NAK, SYNC ^ CTRL_NAK);
/** The reader's notification of a card movement; its second byte is bmICCState (bit 0: present). */
export const NOTIFY_SLOT_CHANGE = 0x50;
export const HEADER_LEN = 10;
/** 271-byte messages at most (dwMaxCCIDMessageLength of every libccid serial model): 261 data bytes. */
export const MAX_DATA_LEN = 261;

/** PC_to_RDR message types. */
export const PcToRdr = {
  SetParameters: 0x61,
  IccPowerOn: 0x62,
  IccPowerOff: 0x63,
  GetSlotStatus: 0x65,
  Escape: 0x6b,
  GetParameters: 0x6c,
  XfrBlock: 0x6f,
} as const;

/** RDR_to_PC message types. */
export const RdrToPc = {
  DataBlock: 0x80,
  SlotStatus: 0x81,
  Parameters: 0x82,
  Escape: 0x83,
} as const;

/** bPowerSelect of IccPowerOn. */
export const Voltage = { auto: 0x00, v5: 0x01, v3: 0x02, v1_8: 0x03 } as const;

/** bmICCStatus, bits 0–1 of bStatus. */
export type IccStatus = 'active' | 'inactive' | 'absent' | 'rfu';
/** bmCommandStatus, bits 6–7 of bStatus. */
export type CommandStatus = 'ok' | 'failed' | 'time-extension' | 'rfu';

/** bError values of a failed command (CCID Table 6.2-2, plus Gemalto's A2). */
export const CcidError = {
  CmdAborted: 0xff,
  IccMute: 0xfe,
  XfrParity: 0xfd,
  XfrOverrun: 0xfc,
  HwError: 0xfb,
  BadAtrTs: 0xf8,
  BadAtrTck: 0xf7,
  ProtocolNotSupported: 0xf6,
  ClassNotSupported: 0xf5,
  ProcedureByteConflict: 0xf4,
  SlotBusy: 0xe0,
  ShortCircuit: 0xa2,
  NotSupported: 0x00,
} as const;

export interface CcidMessage {
  type: number;
  slot: number;
  seq: number;
  /** Header bytes 7, 8, 9: bStatus, bError, and the message's last byte in the reader's answers. */
  b7: number;
  b8: number;
  b9: number;
  data: Uint8Array;
}

/** One item off the line, in either direction. */
export type CcidFrame =
  | { kind: 'message'; message: CcidMessage; bytes: Uint8Array }
  | { kind: 'nak' }
  | { kind: 'movement'; present: boolean; state: number }
  | { kind: 'time-request'; value: number }
  /** A frame whose envelope was read but is wrong: an LRC that does not add up, a length above 261, a bad NAK. */
  | { kind: 'invalid'; reason: 'lrc' | 'length' | 'nak' | 'control'; bytes: Uint8Array }
  /** Bytes where no frame may start. */
  | { kind: 'discarded'; bytes: Uint8Array };

export function lrc(bytes: ArrayLike<number>, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i];
  return x;
}

/** The serial frame of one CCID message. */
export function encodeFrame(m: CcidMessage): Uint8Array {
  if (m.data.length > MAX_DATA_LEN) throw new RangeError(`CCID message data of ${m.data.length} bytes exceeds ${MAX_DATA_LEN}`);
  const out = new Uint8Array(2 + HEADER_LEN + m.data.length + 1);
  out[0] = SYNC;
  out[1] = CTRL_ACK;
  out[2] = m.type;
  const n = m.data.length;
  out[3] = n & 0xff;
  out[4] = (n >> 8) & 0xff;
  out[5] = (n >> 16) & 0xff;
  out[6] = (n >>> 24) & 0xff;
  out[7] = m.slot;
  out[8] = m.seq & 0xff;
  out[9] = m.b7;
  out[10] = m.b8;
  out[11] = m.b9;
  out.set(m.data, 12);
  out[out.length - 1] = lrc(out, 0, out.length - 1);
  return out;
}

/** A host command: `bytes` 7–9 are the message-specific bytes (bPowerSelect, bBWI + wLevelParameter …). */
export function command(type: number, seq: number, data: ArrayLike<number> = [], b789: [number, number, number] = [0, 0, 0], slot = 0): CcidMessage {
  return { type, slot, seq: seq & 0xff, b7: b789[0], b8: b789[1], b9: b789[2], data: Uint8Array.from(data) };
}

/** A reader answer with bStatus built from the ICC and command status. */
export function answer(type: number, seq: number, status: number, error = 0, data: ArrayLike<number> = [], b9 = 0, slot = 0): CcidMessage {
  return { type, slot, seq: seq & 0xff, b7: status, b8: error, b9, data: Uint8Array.from(data) };
}

export function iccStatusOf(bStatus: number): IccStatus {
  return (['active', 'inactive', 'absent', 'rfu'] as const)[bStatus & 0x03];
}

export function commandStatusOf(bStatus: number): CommandStatus {
  return (['ok', 'failed', 'time-extension', 'rfu'] as const)[(bStatus >> 6) & 0x03];
}

/** bStatus for an ICC status and a command status. */
export function bStatus(icc: IccStatus, cmd: CommandStatus = 'ok'): number {
  const i = { active: 0, inactive: 1, absent: 2, rfu: 3 }[icc];
  const c = { ok: 0, failed: 1, 'time-extension': 2, rfu: 3 }[cmd];
  return (c << 6) | i;
}

export function hexOf(bytes: ArrayLike<number>, sep = ' '): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(sep);
}

/** Parses "03 06 6B …" (spaces optional) into bytes; for tables of frames. */
export function bytesOf(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) throw new RangeError(`not hex: ${hex}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}
