/**
 * ESC/POS printer status, pure: the one-byte real-time replies to `DLE EOT n` (10 04 n), the four-byte
 * Automatic Status Back (ASB, enabled by `GS a n`) and the one-byte `GS r 1` paper-sensor reply, all
 * decoded into one `PrinterStatus`, then named as conditions and UnifiedPOS-style codes.
 *
 * Bit layouts are the Epson ones (TM-U220A/TM-U210 specifications, Citizen CT-S2000/iDP3240): every
 * DLE EOT reply reads `0xx1xx10`, an ASB first byte `0xx1xx00`, a GS r reply `0xx0xxxx`.
 */

export type RealtimeQuery = 1 | 2 | 3 | 4;

/** What the printer told us. A field left undefined was not asked (or the printer has no such sensor). */
export interface PrinterStatus {
  /** DLE EOT 1 bit 3 clear; ASB byte 1 bit 3 clear. */
  online?: boolean;
  /** Drawer kick connector pin 3 is HIGH (DLE EOT 1 bit 2). */
  drawerHigh?: boolean;
  /** Waiting for online recovery (DLE EOT 1 bit 5). */
  waitingRecovery?: boolean;
  /** FEED button held (DLE EOT 1 bit 6, ASB byte 1 bit 6). */
  feedButton?: boolean;
  coverOpen?: boolean;
  /** Paper being fed with the FEED button (DLE EOT 2 bit 3). */
  feedingByButton?: boolean;
  /** Printing stopped because the paper ran out (DLE EOT 2 bit 5). */
  stoppedByPaperEnd?: boolean;
  /** Some error occurred (DLE EOT 2 bit 6); the cause is in DLE EOT 3. */
  errorOccurred?: boolean;
  mechanicalError?: boolean;
  cutterError?: boolean;
  unrecoverableError?: boolean;
  /** E.g. print head overheated: clears by itself once the head cools. */
  autoRecoverableError?: boolean;
  paperNearEnd?: boolean;
  paperEnd?: boolean;
}

const bit = (b: number, n: number): boolean => ((b >> n) & 1) === 1;

/** True when `byte` has the fixed bits of a DLE EOT reply: 0xx1xx10. */
export function isRealtimeReply(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** True when `byte` can start an ASB message: 0xx1xx00. */
export function isAsbFirstByte(byte: number): boolean {
  return (byte & 0x93) === 0x10;
}

/** GS r / GS I replies and ASB bytes 2–4 read 0xx0xxxx. */
export function isPlainReply(byte: number): boolean {
  return (byte & 0x90) === 0x00;
}

/** Decodes the reply to `DLE EOT n`; null when the byte is not a DLE EOT reply at all. */
export function parseRealtime(n: RealtimeQuery, byte: number): PrinterStatus | null {
  if (!isRealtimeReply(byte)) return null;
  switch (n) {
    case 1:
      return { drawerHigh: bit(byte, 2), online: !bit(byte, 3), waitingRecovery: bit(byte, 5), feedButton: bit(byte, 6) };
    case 2:
      return { coverOpen: bit(byte, 2), feedingByButton: bit(byte, 3), stoppedByPaperEnd: bit(byte, 5), errorOccurred: bit(byte, 6) };
    case 3:
      return { mechanicalError: bit(byte, 2), cutterError: bit(byte, 3), unrecoverableError: bit(byte, 5), autoRecoverableError: bit(byte, 6) };
    case 4:
      // Each sensor is reported on two bits that are set together (0x0C near end, 0x60 end); either
      // bit set counts, as some firmwares set only one of the pair.
      return { paperNearEnd: (byte & 0x0c) !== 0, paperEnd: (byte & 0x60) !== 0 };
  }
}

/** Decodes a four-byte ASB message; null when the bytes do not have ASB's fixed bits. */
export function parseAsb(bytes: ArrayLike<number>): PrinterStatus | null {
  if (bytes.length !== 4 || !isAsbFirstByte(bytes[0])) return null;
  for (let i = 1; i < 4; i++) if (!isPlainReply(bytes[i])) return null;
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  return {
    drawerHigh: bit(b0, 2),
    online: !bit(b0, 3),
    coverOpen: bit(b0, 5),
    feedButton: bit(b0, 6),
    mechanicalError: bit(b1, 2),
    cutterError: bit(b1, 3),
    unrecoverableError: bit(b1, 5),
    autoRecoverableError: bit(b1, 6),
    paperNearEnd: (b2 & 0x03) !== 0,
    paperEnd: (b2 & 0x0c) !== 0,
  };
}

/** Decodes the reply to `GS r 1` (paper sensor), which runs in order with the data. */
export function parsePaperSensor(byte: number): PrinterStatus | null {
  if (!isPlainReply(byte)) return null;
  return { paperNearEnd: (byte & 0x03) !== 0, paperEnd: (byte & 0x0c) !== 0 };
}

/** Later answers win field by field; fields a reply did not cover are kept. */
export function mergeStatus(...parts: Array<PrinterStatus | null | undefined>): PrinterStatus {
  const out: PrinterStatus = {};
  for (const p of parts) {
    if (!p) continue;
    for (const [k, v] of Object.entries(p)) if (v !== undefined) (out as Record<string, boolean>)[k] = v;
  }
  return out;
}

// --- conditions and UnifiedPOS codes ------------------------------------------------------------

/** The named states a person acts on, worst first. */
export type PrinterCondition =
  'offline' | 'cover-open' | 'paper-end' | 'unrecoverable-error' | 'cutter-error' | 'mechanical-error' | 'overheat' | 'paper-near-end';

/**
 * UnifiedPOS numbers (JavaPOS JposConst / POSPrinterConst): ErrorCode, ErrorCodeExtended and the
 * StatusUpdate event a POSPrinter service would raise. Conditions UPOS has no extended code for are
 * E_FAILURE with our condition name as the reason.
 */
export const UPOS = {
  JPOS_SUCCESS: 0,
  JPOS_E_OFFLINE: 108,
  JPOS_E_FAILURE: 111,
  JPOS_E_EXTENDED: 114,
  EPTR_COVER_OPEN: 201,
  EPTR_REC_EMPTY: 203,
  PTR_SUE_COVER_OPEN: 11,
  PTR_SUE_COVER_OK: 12,
  PTR_SUE_REC_EMPTY: 24,
  PTR_SUE_REC_NEAREMPTY: 25,
  PTR_SUE_REC_PAPEROK: 26,
  PTR_SUE_IDLE: 1001,
} as const;

export interface UposCode {
  condition: PrinterCondition | 'ready';
  /** ErrorCode: 0 when printing can go on. */
  errorCode: number;
  errorCodeExtended?: number;
  /** StatusUpdate event value. */
  statusUpdate?: number;
  /** Symbolic name of the most specific code, for logs and findings. */
  name: string;
}

const CONDITION_CODES: Record<PrinterCondition, Omit<UposCode, 'condition'>> = {
  offline: { errorCode: UPOS.JPOS_E_OFFLINE, name: 'JPOS_E_OFFLINE' },
  'cover-open': { errorCode: UPOS.JPOS_E_EXTENDED, errorCodeExtended: UPOS.EPTR_COVER_OPEN, statusUpdate: UPOS.PTR_SUE_COVER_OPEN, name: 'EPTR_COVER_OPEN' },
  'paper-end': { errorCode: UPOS.JPOS_E_EXTENDED, errorCodeExtended: UPOS.EPTR_REC_EMPTY, statusUpdate: UPOS.PTR_SUE_REC_EMPTY, name: 'EPTR_REC_EMPTY' },
  'unrecoverable-error': { errorCode: UPOS.JPOS_E_FAILURE, name: 'JPOS_E_FAILURE' },
  'cutter-error': { errorCode: UPOS.JPOS_E_FAILURE, name: 'JPOS_E_FAILURE' },
  'mechanical-error': { errorCode: UPOS.JPOS_E_FAILURE, name: 'JPOS_E_FAILURE' },
  overheat: { errorCode: UPOS.JPOS_E_FAILURE, name: 'JPOS_E_FAILURE' },
  // Near end is a warning: UPOS reports it as a status update, printing continues.
  'paper-near-end': { errorCode: UPOS.JPOS_SUCCESS, statusUpdate: UPOS.PTR_SUE_REC_NEAREMPTY, name: 'PTR_SUE_REC_NEAREMPTY' },
};

/** Every condition the status shows, worst first; empty means ready. */
export function conditionsOf(s: PrinterStatus): PrinterCondition[] {
  const out: PrinterCondition[] = [];
  if (s.coverOpen) out.push('cover-open');
  if (s.paperEnd || s.stoppedByPaperEnd) out.push('paper-end');
  if (s.unrecoverableError) out.push('unrecoverable-error');
  if (s.cutterError) out.push('cutter-error');
  if (s.mechanicalError) out.push('mechanical-error');
  if (s.autoRecoverableError) out.push('overheat');
  // Offline with a named cause is that cause; offline with none is offline itself.
  if (s.online === false && out.length === 0) out.push('offline');
  if (s.paperNearEnd && !out.includes('paper-end')) out.push('paper-near-end');
  return out;
}

/** True when a job sent now would print. Near end still prints. */
export function isReady(s: PrinterStatus): boolean {
  return conditionsOf(s).every((c) => c === 'paper-near-end');
}

export function uposCode(condition: PrinterCondition | 'ready'): UposCode {
  if (condition === 'ready') return { condition, errorCode: UPOS.JPOS_SUCCESS, statusUpdate: UPOS.PTR_SUE_IDLE, name: 'JPOS_SUCCESS' };
  return { condition, ...CONDITION_CODES[condition] };
}

/** The code a UPOS service would report for this status: the worst condition's, or success. */
export function uposCodeOf(s: PrinterStatus): UposCode {
  return uposCode(conditionsOf(s)[0] ?? 'ready');
}
