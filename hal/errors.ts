/**
 * The one error class of posdiag. Callers branch on `code`, never on message text: messages are for
 * people and may change, codes are stable and documented in README.
 *
 * Codes are grouped by layer. A new code is added at the end of its group; an existing code is never
 * renamed or reused for another meaning.
 */
import { MESSAGE_MAX, safeText } from './safe-text';

export const HalErrorCodes = [
  // Transport: the serial line itself.
  'Transport_NotFound', // ENOENT: no such device node
  'Transport_Busy', // EBUSY or the port is locked by another process
  'Transport_PermissionDenied', // EACCES / EPERM
  'Transport_Timeout', // a request's absolute deadline passed
  'Transport_Disconnected', // the device went away (unplugged, pty closed, EIO)
  'Transport_Garbled', // bytes that no framer could make sense of
  'Transport_Overflow', // a device streamed more than a bounded buffer allows
  'Transport_Closed', // an operation on a line that was closed on purpose
  'Transport_OpenFailed', // any other failure to open, with the OS message
  'Transport_Busy_Request', // a request while another one is in flight on a one-at-a-time line
  // Modem
  'Modem_AtError',
  'Modem_Gone',
  'Modem_NoReply', // the port opened but nothing answered AT (a dead or unpowered modem, wrong port)
  'Modem_Garbled', // bytes came back that are not AT replies (wrong baud rate, line noise)
  // Card readers
  'Reader_Nack',
  'Reader_Checksum',
  'Reader_Status',
  // Printer
  'Printer_Offline',
  'Printer_PaperOut',
  'Printer_NoGb18030', // Chinese text to print or preview, on a Node.js without GB18030 and without posdiag's dist/gb18030.bin
  // Host link
  'Host_Refused',
  'Host_Timeout',
  'Host_Reset',
  'Host_Unreachable',
  'Host_Dns',
  'Host_BadReply',
  // Configuration and usage
  'Config_Invalid',
  'Usage_Invalid',
  // Files the user names for output (--png, --escpos, --out)
  'Output_WriteFailed', // the system refused the write (no such directory, read-only, full): exit 1
] as const;

export type HalErrorCode = (typeof HalErrorCodes)[number];

/**
 * A HalError made by another copy of this module (the simulators ship as a bundle of their own, dist/sim.js,
 * with its own copy of this file) is still a HalError: `instanceof` checks this brand, not the prototype.
 */
const BRAND = Symbol.for('posdiag.HalError');

export class HalError extends Error {
  override readonly name = 'HalError';

  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass (if one ever exists) keeps the ordinary prototype check.
    if (this !== HalError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    readonly code: HalErrorCode,
    message: string,
    readonly context: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    // Messages quote what was typed, read from a file or sent by a device: every one leaves here
    // scrubbed (hal/safe-text.ts), whichever screen, log or document shows it.
    super(safeText(message, { max: MESSAGE_MAX, lines: true }), options);
  }
}

// On the prototype, not enumerable: logs and JSON of an error stay as they were.
Object.defineProperty(HalError.prototype, BRAND, { value: true });

export function isHalError(err: unknown, code?: HalErrorCode): err is HalError {
  return err instanceof HalError && (code === undefined || err.code === code);
}

/**
 * Maps what the OS or node-serialport reported on open to a stable code. The native binding gives
 * messages like "Error: No such file or directory, cannot open /dev/ttyS3" or "Error Resource temporarily
 * unavailable Cannot lock port", and sometimes an errno `code`; both are looked at.
 */
export function openErrorToHalError(err: unknown, path: string): HalError {
  const e = err as { code?: string; message?: string } | undefined;
  const text = `${e?.code ?? ''} ${e?.message ?? String(err)}`;
  const rules: Array<[RegExp, HalErrorCode, string]> = [
    [/ENOENT|No such file|does not exist/i, 'Transport_NotFound', 'no such serial device'],
    [/EBUSY|busy|Cannot lock port|locked|temporarily unavailable/i, 'Transport_Busy', 'serial device is busy or locked by another program'],
    [/EACCES|EPERM|Permission denied/i, 'Transport_PermissionDenied', 'no permission to open serial device'],
  ];
  for (const [re, code, what] of rules) {
    if (re.test(text)) return new HalError(code, `${what}: ${path}`, { path, os: e?.message }, { cause: err });
  }
  return new HalError('Transport_OpenFailed', `cannot open serial device ${path}: ${e?.message ?? String(err)}`, { path }, { cause: err });
}
