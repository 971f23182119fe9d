/**
 * NXP PN532 host-interface frames (UM0701 §6.2; the same rules libnfc's pn53x_build_frame and
 * pn532_uart_receive apply). Pure: bytes in, bytes or values out.
 *
 *   normal    00 00 FF LEN LCS TFI PD0..PDn DCS 00      LEN = |TFI..PDn|, LEN + LCS ≡ 0 (mod 256)
 *   extended  00 00 FF FF FF LENm LENl LCS TFI … DCS 00 LENm + LENl + LCS ≡ 0
 *   ACK       00 00 FF 00 FF 00        NACK 00 00 FF FF 00 00
 *   error     00 00 FF 01 FF 7F 81 00  (the chip could not make sense of the last frame)
 * TFI + PD0..PDn + DCS ≡ 0. TFI is D4 from host to chip and D5 back; a reply's PD0 is the command + 1.
 */

export const TFI_HOST = 0xd4;
export const TFI_CHIP = 0xd5;
/** The TFI of the application-level error frame. */
export const TFI_ERROR = 0x7f;

/** Commands posdiag and libnfc use (pn53x-internal.h). */
export const Pn532Cmd = {
  Diagnose: 0x00,
  GetFirmwareVersion: 0x02,
  GetGeneralStatus: 0x04,
  ReadRegister: 0x06,
  WriteRegister: 0x08,
  ReadGPIO: 0x0c,
  WriteGPIO: 0x0e,
  SetParameters: 0x12,
  SAMConfiguration: 0x14,
  PowerDown: 0x16,
  RFConfiguration: 0x32,
  InDataExchange: 0x40,
  InCommunicateThru: 0x42,
  InDeselect: 0x44,
  InListPassiveTarget: 0x4a,
  InRelease: 0x52,
  InAutoPoll: 0x60,
} as const;

/** Diagnose NumTst values (UM0701 §7.2.1). */
export const DiagnoseTest = {
  CommunicationLine: 0x00,
  Rom: 0x01,
  Ram: 0x02,
  PollingToTarget: 0x04,
  EchoBack: 0x05,
  AttentionRequest: 0x06,
  SelfAntenna: 0x07,
} as const;

export const ACK_FRAME = Uint8Array.of(0x00, 0x00, 0xff, 0x00, 0xff, 0x00);
export const NACK_FRAME = Uint8Array.of(0x00, 0x00, 0xff, 0xff, 0x00, 0x00);
export const ERROR_FRAME = Uint8Array.of(0x00, 0x00, 0xff, 0x01, 0xff, 0x7f, 0x81, 0x00);

/** HSU wake-up as libnfc sends it: 55 55 then 14 zeros, in the same burst as the first command. */
export const HSU_WAKEUP = Uint8Array.of(0x55, 0x55, ...new Array<number>(14).fill(0x00));

/** Longest TFI+data a PN532 frame can carry (262 data bytes + TFI + command, rounded up). */
export const MAX_FRAME_BODY = 265;

export type Pn532Frame =
  | { kind: 'ack' }
  | { kind: 'nack' }
  /** The application error frame (TFI 7F). */
  | { kind: 'error' }
  /** An information frame; `body` starts at the command byte (TFI removed). */
  | { kind: 'data'; tfi: number; body: Uint8Array; extended: boolean }
  /** A frame whose LCS or DCS is wrong, or whose length is impossible. Counted, never trusted. */
  | { kind: 'invalid'; reason: 'lcs' | 'dcs' | 'length'; bytes: Uint8Array }
  /** Bytes between frames that are neither preamble nor wake-up: line noise. */
  | { kind: 'discarded'; bytes: Uint8Array };

export function lengthChecksum(len: number): number {
  return (0x100 - (len & 0xff)) & 0xff;
}

export function dataChecksum(tfi: number, body: ArrayLike<number>): number {
  let sum = tfi;
  for (let i = 0; i < body.length; i++) sum += body[i];
  return (0x100 - (sum & 0xff)) & 0xff;
}

/** Builds an information frame: extended form when TFI+body is longer than 254 bytes. */
export function buildFrame(tfi: number, body: ArrayLike<number>): Uint8Array {
  const len = body.length + 1;
  if (len > MAX_FRAME_BODY + 1) throw new RangeError(`PN532 frame body of ${body.length} bytes is longer than ${MAX_FRAME_BODY}`);
  const head =
    len <= 0xfe
      ? [0x00, 0x00, 0xff, len, lengthChecksum(len)]
      : [0x00, 0x00, 0xff, 0xff, 0xff, len >> 8, len & 0xff, lengthChecksum((len >> 8) + (len & 0xff))];
  const out = new Uint8Array(head.length + len + 2);
  out.set(head, 0);
  out[head.length] = tfi;
  out.set(Array.from(body), head.length + 1);
  out[head.length + len] = dataChecksum(tfi, body);
  out[head.length + len + 1] = 0x00;
  return out;
}

/** A host command frame: D4 <cmd> <params>. */
export function commandFrame(cmd: number, params: ArrayLike<number> = []): Uint8Array {
  return buildFrame(TFI_HOST, [cmd, ...Array.from(params)]);
}

/** A chip reply frame: D5 <cmd+1> <data>. */
export function replyFrame(cmd: number, data: ArrayLike<number> = []): Uint8Array {
  return buildFrame(TFI_CHIP, [(cmd + 1) & 0xff, ...Array.from(data)]);
}

// --- replies ---------------------------------------------------------------------------------------

export interface FirmwareVersion {
  ic: number;
  version: number;
  revision: number;
  support: number;
  /** "PN532 v1.6", as libnfc prints it. */
  text: string;
  /** Supported protocols from the Support bits. */
  protocols: string[];
}

/** GetFirmwareVersion data: IC Ver Rev Support (PN531 answers only two bytes). */
export function decodeFirmware(data: ArrayLike<number>): FirmwareVersion | null {
  if (data.length === 2) return { ic: 0x31, version: data[0], revision: data[1], support: 0, text: `PN531 v${data[0]}.${data[1]}`, protocols: [] };
  if (data.length < 4) return null;
  const [ic, version, revision, support] = [data[0], data[1], data[2], data[3]];
  const chip = ic === 0x32 ? 'PN532' : ic === 0x33 ? 'PN533' : `IC 0x${hex(ic)}`;
  const protocols: string[] = [];
  if (support & 0x01) protocols.push('ISO14443A');
  if (support & 0x02) protocols.push('ISO14443B');
  if (support & 0x04) protocols.push('ISO18092');
  return { ic, version, revision, support, text: `${chip} v${version}.${revision}`, protocols };
}

/** A target from InListPassiveTarget at 106 kbps type A: Tg SENS_RES(2) SEL_RES NFCIDLength NFCID [ATS]. */
export interface TypeATarget {
  tg: number;
  atqa: number;
  sak: number;
  uid: Uint8Array;
}

/** InListPassiveTarget (BrTy 00) data: NbTg then the targets; only the first is decoded. */
export function decodeTypeATargets(data: ArrayLike<number>): { count: number; first: TypeATarget | null } {
  const count = data.length > 0 ? data[0] : 0;
  if (count === 0 || data.length < 6) return { count: 0, first: null };
  const uidLen = data[5];
  if (data.length < 6 + uidLen) return { count: 0, first: null };
  return {
    count,
    first: { tg: data[1], atqa: (data[2] << 8) | data[3], sak: data[4], uid: Uint8Array.from(Array.from(data).slice(6, 6 + uidLen)) },
  };
}

// --- status bytes -----------------------------------------------------------------------------------

/** Error codes of the status byte (UM0701 Table 16; libnfc pn53x-internal.h). Bits 6–7 are NAD/MI flags. */
export const PN532_STATUS: Readonly<Record<number, { id: string; text: string }>> = {
  0x00: { id: 'ok', text: 'success' },
  0x01: { id: 'timeout', text: 'the target did not answer in time' },
  0x02: { id: 'crc', text: 'CRC error from the target' },
  0x03: { id: 'parity', text: 'parity error from the target' },
  0x04: { id: 'bit-count', text: 'wrong bit count during anticollision' },
  0x05: { id: 'framing', text: 'framing error during MIFARE operation' },
  0x06: { id: 'bit-collision', text: 'abnormal bit collision' },
  0x07: { id: 'buffer-too-small', text: 'communication buffer too small' },
  0x09: { id: 'rf-overflow', text: 'RF buffer overflow' },
  0x0a: { id: 'rf-timeout', text: 'the RF field was not switched on in time' },
  0x0b: { id: 'rf-protocol', text: 'RF protocol error' },
  0x0d: { id: 'overheating', text: 'the antenna drivers overheated' },
  0x0e: { id: 'internal-overflow', text: 'internal buffer overflow' },
  0x10: { id: 'invalid-parameter', text: 'invalid parameter' },
  0x12: { id: 'dep-unsupported', text: 'DEP command not supported' },
  0x13: { id: 'dep-format', text: 'DEP data format error' },
  0x14: { id: 'mifare-auth', text: 'MIFARE authentication error' },
  0x23: { id: 'uid-check', text: 'UID check byte wrong' },
  0x25: { id: 'dep-state', text: 'invalid device state' },
  0x26: { id: 'not-allowed', text: 'operation not allowed in this configuration' },
  0x27: { id: 'not-acceptable', text: 'command not acceptable in this context' },
  0x29: { id: 'released', text: 'the target was released by the initiator' },
  0x2a: { id: 'card-id-mismatch', text: 'the card was exchanged' },
  0x2b: { id: 'card-gone', text: 'the card disappeared' },
  0x2c: { id: 'nfcid-mismatch', text: 'NFCID3 mismatch' },
  0x2d: { id: 'over-current', text: 'over-current on the antenna' },
  0x2e: { id: 'nad-missing', text: 'NAD missing in DEP frame' },
};

/** The error part of a status byte, named; unknown codes keep their hex value. */
export function describeStatus(status: number): { code: number; id: string; text: string } {
  const code = status & 0x3f;
  const known = PN532_STATUS[code];
  return known ? { code, ...known } : { code, id: `0x${hex(code)}`, text: `unknown status 0x${hex(code)}` };
}

export function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

export function toHex(bytes: ArrayLike<number>): string {
  return Array.from(bytes, hex).join(' ');
}
