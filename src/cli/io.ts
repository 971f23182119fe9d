import { stripControls } from '../../hal/safe-text';

/**
 * How a command's result reaches the user. With --json, stdout carries exactly one JSON document and
 * nothing else; text goes to stdout otherwise. Progress and warnings go to stderr in both modes.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal (colour and live progress make sense). */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env,
};

/** Exit codes of DESIGN.md: 0 did its job (a diagnosis that found a fault did its job), 1 could not, 2 bad usage or input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CommandOutcome {
  exitCode: ExitCode;
  /** The --json document. */
  json: unknown;
  /** What a person reads. */
  text: string;
}

export function emit(outcome: CommandOutcome, asJson: boolean, io: CliIo): ExitCode {
  // A command that streamed its own JSON (sim's announcement) returns null here.
  if (asJson) {
    if (outcome.json !== null) io.stdout(JSON.stringify(outcome.json, null, 2) + '\n');
  } else if (outcome.text) io.stdout(screenText(outcome.text.endsWith('\n') ? outcome.text : outcome.text + '\n'));
  return outcome.exitCode;
}

/**
 * The last guard before a terminal: no control character but line breaks and posdiag's own colours.
 * The renderers have put every text from outside through hal/safe-text.ts safeText (which also masks card
 * numbers: that needs to know which part is a value, so it cannot be done on the whole screen).
 */
export function screenText(text: string): string {
  return stripControls(text, true, true);
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org) or --no-color given. */
export function useColor(io: CliIo, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.isTty;
}

export { paint } from '../paint';
