/** The `posdiag` executable. */
import { main } from './cli/program';
import { MESSAGE_MAX, safeText } from '../hal/safe-text';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Nothing should get here (main answers every error); if something does, it may quote what was typed.
    process.stderr.write(`posdiag: ${safeText(err instanceof Error ? String(err.stack) : String(err), { max: MESSAGE_MAX, lines: true })}\n`);
    process.exitCode = 1;
  },
);
