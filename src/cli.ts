/** The `posdiag` executable. */
import { main } from './cli/program';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`posdiag: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  },
);
