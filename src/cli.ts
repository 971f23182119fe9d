/** The `posdiag` executable. */
import { main } from './cli/program';
import { scrubTyped } from './journal/scrub';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Nothing should get here (main answers every error); if something does, it may quote what was typed.
    process.stderr.write(`posdiag: ${scrubTyped(err instanceof Error ? String(err.stack) : String(err))}\n`);
    process.exitCode = 1;
  },
);
