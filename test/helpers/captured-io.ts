/** A CliIo that keeps what posdiag prints, for driving `main(argv, io)` in-process. */
import type { CliIo } from '../../src/cli/io';

export function capturedIo(env: NodeJS.ProcessEnv = {}): { handle: CliIo; out(): string; err(): string } {
  const out: string[] = [];
  const err: string[] = [];
  const handle: CliIo = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTty: false, env };
  return { handle, out: () => out.join(''), err: () => err.join('') };
}
