/**
 * How an AT reply is told apart from what else a modem says. Pure: lines in, verdicts out.
 *
 * A modem's output while a command is in flight is a mix of: the echo of the command (until ATE0 takes
 * effect, and on modems that ignore it), information lines that belong to the reply, unsolicited result
 * codes (URCs: `+CREG: 1`, `RING`, `+CMTI: …`) that may arrive at any moment, and one final result
 * (`OK`, `ERROR`, `+CME ERROR: 10`, `NO CARRIER`, …). As ModemManager does, URCs are taken out before
 * the final result is classified, so a `+CREG:` URC can never pass for the reply to `AT+CREG?`
 * (FreeRTOS-Cellular-Interface issue #89 is what happens otherwise).
 */
import { cmeError, CmeErrorInfo } from './cme-errors';

/** What a command expects back, so that same-prefix URCs can be told from its reply. */
export interface AtExpectation {
  /** The command as sent, without the trailing CR: `AT+CSQ`. Used to recognise its echo. */
  command: string;
  /**
   * Prefixes of the reply's information lines (`+CSQ:`). When given, other lines are unsolicited;
   * when absent (free-form replies such as AT+CGMI), every line that is not a known URC is the reply's.
   */
  prefixes?: readonly string[];
  /** For prefixes shared with URCs (+CREG:): true when this line has the solicited shape. */
  solicited?(line: string): boolean;
}

/** One command's result: its information lines, and whether the modem echoed it. */
export type AtResult = { ok: true; lines: string[]; echoed: boolean; connect?: string } | { ok: false; error: AtFailure; lines: string[]; echoed: boolean };

export type AtFailure =
  | { kind: 'error'; text: string } // plain ERROR / COMMAND NOT SUPPORT
  | { kind: 'cme'; code: number | null; text: string; info: CmeErrorInfo }
  | { kind: 'cms'; code: number | null; text: string }
  | { kind: 'dial'; text: 'NO CARRIER' | 'NO DIALTONE' | 'BUSY' | 'NO ANSWER' };

/** The classification of a reply: still coming, done well, or done badly. */
export type AtClassification =
  { kind: 'incomplete' } | { kind: 'ok'; lines: string[]; connect?: string } | { kind: 'error'; error: AtFailure; lines: string[] };

export type LineClass =
  | { kind: 'ignore' }
  | { kind: 'echo' }
  | { kind: 'info'; line: string }
  | { kind: 'urc'; line: string }
  | { kind: 'final'; result: Exclude<AtClassification, { kind: 'incomplete' }> };

/**
 * Lines modems send on their own. Registration URCs share their prefix with read replies; the
 * expectation's `solicited` shape test decides those. SIM800 sends `RDY`, `+CFUN: 1`, `+CPIN: READY`,
 * `Call Ready` and `SMS Ready` after power-up.
 */
const URC_PREFIXES = [
  '+CREG:',
  '+CGREG:',
  '+CEREG:',
  '+C5GREG:',
  '+CIEV:',
  '+CMTI:',
  '+CMT:',
  '+CDS:',
  '+CDSI:',
  '+CBM:',
  '+CUSD:',
  '+CRING:',
  '+CLIP:',
  '+CCWA:',
  '+CPIN:',
  '+CFUN:',
  '+CSQN:',
  '+CGEV:',
  '+PDP: DEACT',
  '+QIND:',
  '+QIURC:',
  '^RSSI:',
  '^MODE:',
  '^HCSQ:',
  '^BOOT:',
  '^SRVST:',
  '^SIMST:',
  '^SMMEMFULL',
  '+CTZV:',
  '+CTZE:',
  '*PSUTTZ:',
  'DST:',
] as const;
const URC_WHOLE_LINES = [
  'RING',
  'RDY',
  'Call Ready',
  'SMS Ready',
  'NORMAL POWER DOWN',
  'UNDER-VOLTAGE POWER DOWN',
  'UNDER-VOLTAGE WARNNING',
  'OVER-VOLTAGE WARNNING',
];

const DIAL_RESULTS = ['NO CARRIER', 'NO DIALTONE', 'BUSY', 'NO ANSWER'] as const;

/** Takes away what is never content: NUL padding, stray CRs, surrounding blanks. */
export function cleanLine(raw: string): string {
  // An echo line keeps the CR the host sent ("AT+CSQ\r"); noise before an inner CR (gammu #115 shows
  // "\x1b\rAT\r") is dropped with it: the last CR-separated piece is what the line says.
  const pieces = raw
    .replace(/\0/g, '')
    .split('\r')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return pieces.length ? pieces[pieces.length - 1] : '';
}

/** True for the echo of a command: a line starting with AT (no reply or URC does), oFono's rule. */
export function isEcho(line: string): boolean {
  return /^AT/i.test(line);
}

export function isKnownUrc(line: string): boolean {
  return URC_WHOLE_LINES.includes(line) || URC_PREFIXES.some((p) => line.startsWith(p));
}

/** The final result a line carries, if it is one. */
export function finalResult(line: string, lines: string[] = []): Exclude<AtClassification, { kind: 'incomplete' }> | null {
  if (line === 'OK') return { kind: 'ok', lines };
  if (line.startsWith('CONNECT')) return { kind: 'ok', lines, connect: line.slice('CONNECT'.length).trim() };
  const cme = /^\+CME ERROR:\s*(.*)$/.exec(line);
  if (cme) {
    const text = cme[1].trim();
    if (text === '') return null; // "+CME ERROR:" with nothing after it is not a final result (ModemManager's test vector)
    const code = /^\d+$/.test(text) ? Number(text) : null;
    return { kind: 'error', lines, error: { kind: 'cme', code, text, info: cmeError(code ?? text) } };
  }
  const cms = /^\+CMS ERROR:\s*(.*)$/.exec(line);
  if (cms) {
    const text = cms[1].trim();
    if (text === '') return null;
    return { kind: 'error', lines, error: { kind: 'cms', code: /^\d+$/.test(text) ? Number(text) : null, text } };
  }
  if (line === 'ERROR' || line === 'COMMAND NOT SUPPORT' || /^\+EXT ERROR:/.test(line)) return { kind: 'error', lines, error: { kind: 'error', text: line } };
  for (const d of DIAL_RESULTS) if (line === d) return { kind: 'error', lines, error: { kind: 'dial', text: d } };
  return null;
}

/** Classifies one line received while `expect` is in flight. */
export function classifyLine(raw: string, expect: AtExpectation, collected: string[] = []): LineClass {
  const line = cleanLine(raw);
  if (line === '') return { kind: 'ignore' };
  if (isEcho(line)) return { kind: 'echo' };
  const final = finalResult(line, collected);
  if (final) return { kind: 'final', result: final };
  if (expect.prefixes?.some((p) => line.startsWith(p))) {
    if (!expect.solicited || expect.solicited(line)) return { kind: 'info', line };
    return { kind: 'urc', line };
  }
  if (isKnownUrc(line)) return { kind: 'urc', line };
  if (expect.prefixes) return { kind: 'urc', line }; // not what this command answers with
  return { kind: 'info', line };
}

/**
 * Collects one command's reply line by line: `push` returns the classification so far. Echo lines are
 * counted (a modem that keeps echoing after ATE0 is worth a warning) and URCs are handed to `onUrc` as
 * they come (by default kept in `urcs`).
 */
export class AtReplyCollector {
  readonly lines: string[] = [];
  readonly urcs: string[] = [];
  echoes = 0;

  readonly #expect: AtExpectation;
  readonly #onUrc: (line: string) => void;

  constructor(expect: AtExpectation, onUrc: (line: string) => void = (line) => this.urcs.push(line)) {
    this.#expect = expect;
    this.#onUrc = onUrc;
  }

  push(raw: string): AtClassification {
    const c = classifyLine(raw, this.#expect, this.lines);
    if (c.kind === 'final') return c.result;
    if (c.kind === 'echo') this.echoes++;
    else if (c.kind === 'info') this.lines.push(c.line);
    else if (c.kind === 'urc') this.#onUrc(c.line);
    return { kind: 'incomplete' };
  }
}

/**
 * The whole-buffer form, as ModemManager's parser sees a reply: leading NULs skipped, everything
 * before the first CR LF dropped as echo or noise, URCs cut out, then classified. Used for captured
 * transcripts; the driver feeds lines to AtReplyCollector instead.
 */
export function classifyReply(text: string, expect: AtExpectation): AtClassification & { urcs: string[]; echoed: boolean } {
  let body = text.replace(/^\0+/, '');
  const firstBreak = body.indexOf('\r\n');
  let echoed = false;
  if (firstBreak > 0) {
    const head = body.slice(0, firstBreak);
    // A call-progress or final result at the very start is content, not echo (ModemManager keeps those too).
    if (!finalResult(cleanLine(head))) {
      echoed = isEcho(cleanLine(head));
      body = body.slice(firstBreak);
    }
  }
  const collector = new AtReplyCollector(expect);
  for (const raw of body.split('\r\n')) {
    const r = collector.push(raw);
    if (r.kind !== 'incomplete') return { ...r, urcs: collector.urcs, echoed: echoed || collector.echoes > 0 };
  }
  return { kind: 'incomplete', urcs: collector.urcs, echoed: echoed || collector.echoes > 0 };
}
