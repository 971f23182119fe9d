/**
 * Several AT commands on one command line, and the combined reply split back into one reply per
 * command. Pure: commands and lines in, verdicts out; the driver does the I/O.
 *
 * V.250 §5.2.1 / 27.007: `AT+CGMI;+CPIN?;+CSQ` runs the commands in turn; each one's information text
 * comes out in order and one final result closes the line: OK when every command succeeded, or the
 * error of the first that failed, the rest of the line not executed. Information lines carry no mark
 * of which command they answer, so the split relies on what each command answers with:
 * - a command with `prefixes` (`+CSQ:`) claims the lines with its prefix (and its solicited shape, so a
 *   `+CREG:` URC is not a `+CREG?` reply); `single` ones claim one line at most, so `+COPS?;…;+COPS?`
 *   gives each its own;
 * - a free-form command (AT+CGMI) claims the lines nothing else claims and no URC list knows; adjacent
 *   free-form commands share their lines one each, and when the count does not match (a modem with a
 *   two-line AT+CGMR) the split is declared unknown and those commands are asked again one a line.
 * After an error, a command is known to have succeeded only when it or a later one answered; the rest
 * are `unknown` and asked again, except a lone unanswered last command, which is the one that failed.
 */
import { AtClassification, AtExpectation, AtFailure, cleanLine, finalResult, isEcho, isKnownUrc } from './at-reply';

export interface BatchCommand extends AtExpectation {
  /** At most one information line (AT+CSQ, AT+COPS?); others may give several (AT+CGDCONT?). */
  single?: boolean;
  /** Answers with no information text at all (AT+COPS=3,2): claims no line, and keeps free-form runs apart. */
  silent?: boolean;
}

/** A command of a batch with its own deadline (batch-run.ts; here so read-ahead.ts names it without a circle). */
export interface BatchItem extends BatchCommand {
  timeoutMs: number;
}

/** One command's share of a combined reply. */
export type CommandOutcome =
  | { kind: 'ok'; lines: string[] }
  | { kind: 'failed'; error: AtFailure; lines: string[] }
  /** Not known from this line: the line ended first, or the split was ambiguous. Ask again. */
  | { kind: 'unknown' };

/**
 * V.250 §5.4: the command line for `commands` (each written as for a line of its own, `AT+CSQ`):
 * one `AT`, basic commands run together, a `;` after every extended command that another follows.
 */
export function joinCommandLine(commands: readonly string[]): string {
  let line = 'AT';
  commands.forEach((c, i) => {
    const body = c.replace(/^AT/i, '');
    line += body;
    if (i < commands.length - 1 && /^[+^*%$#@]/.test(body)) line += ';';
  });
  return line;
}

/**
 * Cuts `commands` (in order) into command lines of at most `maxChars` characters (the CR included),
 * as few as fit. A command too long for any line goes on a line of its own.
 */
export function planCommandLines(commands: readonly string[], maxChars: number): string[][] {
  const lines: string[][] = [];
  let current: string[] = [];
  for (const c of commands) {
    if (current.length > 0 && joinCommandLine([...current, c]).length + 1 > maxChars) {
      lines.push(current);
      current = [];
    }
    current.push(c);
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** Not free-form: the command claims only lines with its prefixes, or none. */
const hasPrefix = (c: BatchCommand) => Boolean(c.silent || c.prefixes?.length);

/**
 * Collects the reply to one combined command line, line by line, as AtReplyCollector does for one
 * command: `push` says when the final result has come; `outcomes` then splits it per command (or,
 * called before any final result, says what the lines so far prove).
 */
export class CombinedReplyCollector {
  echoes = 0;
  readonly urcs: string[] = [];
  readonly #commands: readonly BatchCommand[];
  readonly #onUrc: (line: string) => void;
  /** Lines claimed by each command; a free-form run's lines sit with its first command until the split. */
  readonly #claimed: string[][];
  #cursor = 0;
  #final: Exclude<AtClassification, { kind: 'incomplete' }> | null = null;

  constructor(commands: readonly BatchCommand[], onUrc: (line: string) => void = (line) => this.urcs.push(line)) {
    this.#commands = commands;
    this.#onUrc = onUrc;
    this.#claimed = commands.map(() => []);
  }

  push(raw: string): AtClassification {
    if (this.#final) return this.#final;
    const line = cleanLine(raw);
    if (line === '') return { kind: 'incomplete' };
    if (isEcho(line)) {
      this.echoes++;
      return { kind: 'incomplete' };
    }
    const final = finalResult(line);
    if (final) {
      this.#final = final;
      return final;
    }
    const owner = this.#ownerOf(line);
    if (owner === null) this.#onUrc(line);
    else {
      this.#claimed[owner].push(line);
      this.#cursor = owner;
    }
    return { kind: 'incomplete' };
  }

  /** Which command, from the cursor on, this line answers; null for a URC. */
  #ownerOf(line: string): number | null {
    const cmds = this.#commands;
    for (let k = this.#cursor; k < cmds.length; k++) {
      const c = cmds[k];
      if (!c.prefixes?.some((p) => line.startsWith(p))) continue;
      if (c.solicited && !c.solicited(line)) continue;
      if (c.single && this.#claimed[k].length > 0) continue;
      return k;
    }
    if (isKnownUrc(line)) return null;
    // Free-form text: the run of free-form commands at or after the cursor takes it.
    for (let k = this.#cursor; k < cmds.length; k++) if (!hasPrefix(cmds[k])) return runStart(cmds, k);
    return null; // not what any command left on the line answers with
  }

  /** Each command's share: final once the final result has come, else what the lines so far prove. */
  outcomes(): CommandOutcome[] {
    const cmds = this.#commands;
    const lines: Array<string[] | null> = cmds.map(() => null); // null: unknown
    let answered = -1; // the last command known to have run
    for (let k = 0; k < cmds.length;) {
      if (hasPrefix(cmds[k])) {
        lines[k] = this.#claimed[k];
        if (this.#claimed[k].length > 0) answered = k;
        k++;
        continue;
      }
      // A run of adjacent free-form commands: its lines sit with its first command.
      const end = runEnd(cmds, k);
      const text = this.#claimed[k];
      const size = end - k + 1;
      if (text.length > 0) {
        if (size === 1) lines[k] = text;
        else if (text.length === size) for (let j = 0; j < size; j++) lines[k + j] = [text[j]];
        // else ambiguous: all stay unknown
        answered = text.length === size || size === 1 ? end : Math.max(answered, k);
      } else for (let j = k; j <= end; j++) lines[j] = [];
      k = end + 1;
    }
    const final = this.#final;
    if (final?.kind === 'ok') return lines.map((l) => (l ? { kind: 'ok', lines: l } : { kind: 'unknown' }));
    // Error, or no final result yet: what ran up to the last answer succeeded; the rest is not known.
    // An error right after the last answer belongs to the one command left, or to the last one itself.
    const out: CommandOutcome[] = lines.map((l, k) => (k <= answered && l ? { kind: 'ok', lines: l } : { kind: 'unknown' }));
    const last = cmds.length - 1;
    if (final?.kind === 'error' && answered >= last - 1 && (answered < 0 || lines[answered] !== null)) {
      out[last] = { kind: 'failed', error: final.error, lines: answered === last ? (lines[last] ?? []) : [] };
    }
    return out;
  }
}

function runStart(cmds: readonly BatchCommand[], k: number): number {
  while (k > 0 && !hasPrefix(cmds[k - 1])) k--;
  return k;
}

function runEnd(cmds: readonly BatchCommand[], k: number): number {
  while (k + 1 < cmds.length && !hasPrefix(cmds[k + 1])) k++;
  return k;
}
