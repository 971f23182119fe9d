/**
 * `posdiag slip ID|last [--text] [--png FILE] [--escpos FILE]`: a stored slip, previewed or reprinted.
 *
 * Slips come from the slip store in the data directory (journal.dir, else POSDIAG_HOME, else ~/.posdiag;
 * its sim/ subdirectory for the simulated terminal).
 * With --text, --png or --escpos nothing is opened: the text preview goes to stdout, the PNG preview and
 * the exact stored printer bytes go to the files named. Without any of them the slip is printed again on
 * the terminal's printer (the simulated one with --sim or without a configuration); a slip that cannot
 * print now waits in the print queue for paper.
 *
 * Exit: 0 done (previews written, or the slip printed); 1 no slip yet, a file that could not be written, or
 * the printer did not print it;
 * 2 an id that is not in the store.
 */
import { HalError } from '../../../hal/errors';
import { safeText } from '../../../hal/safe-text';
import { dataDirFor, isSimulatedRun, isSlipId, type StoredSlip } from '../../journal';
import { openEnvironment } from '../../runtime';
import { findSlip, reprintSlip, type SlipPrintOutcome } from '../../services/print-slip';
import { previewPng, previewText } from '../../slip/preview';
import { configOf, type CliContext } from '../context';
import { CliIo, CommandOutcome, EXIT, ExitCode } from '../io';
import { earlierSlipLines } from '../render-diagnosis';
import { setAsideLine, setAsideMark, setAsideSince } from '../../files/set-aside';
import { writeOutputFile } from '../output-file';
import type { CommandSpec } from '../spec';

interface SlipFlags {
  text?: boolean;
  png?: string;
  escpos?: string;
}

/** The --json document (schemas/slip.json). */
export interface SlipJson {
  id: string;
  /** Size of the stored printer bytes. */
  bytes: number;
  meta: StoredSlip['meta'];
  /** The text preview, with --text. */
  text?: string;
  /** Where the PNG preview was written, with --png. */
  png?: string;
  /** Where the printer bytes were written, with --escpos. */
  escpos?: string;
  /** The reprint's outcome, when no preview flag was given. */
  printed?: SlipPrintOutcome;
}

export const command: CommandSpec = {
  name: 'slip',
  arguments: [{ name: 'id', required: true, help: 'a slip id, the journal id of its diagnosis, or "last" for the newest' }],
  options: [
    { name: 'text', help: 'print the slip as text, as the printer would print it' },
    { name: 'png', value: 'file', help: 'write a PNG preview of the slip' },
    { name: 'escpos', value: 'file', help: 'write the exact printer bytes of the slip' },
  ],
  notes: "With none of --text, --png, --escpos the slip is printed again on the terminal's printer.",
  examples: ['posdiag slip last --text', 'posdiag slip last --png slip.png --escpos slip.bin', 'posdiag slip last --sim printer=paper-out --json'],
  run: ({ args, opts }, ctx) => runSlip(args.id!, opts as SlipFlags, ctx),
};

async function runSlip(id: string, flags: SlipFlags, ctx: CliContext): Promise<CommandOutcome> {
  if (id !== 'last' && !isSlipId(id)) throw new HalError('Usage_Invalid', `"${id}" is not a slip id; give an id from posdiag journal list, or last`, { id });
  const config = await configOf(ctx);
  const dataDir = dataDirFor(config, isSimulatedRun(ctx), ctx.io.env);
  const mark = setAsideMark();
  const slip = await findSlip(dataDir, id);
  const damaged = setAsideSince(mark, dataDir)[0];
  if (!slip && damaged) return failure(ctx, EXIT.failed, 'Slip_Damaged', `slip ${id} is damaged: ${setAsideLine(damaged)}`);
  if (!slip) {
    if (id === 'last') return failure(ctx, EXIT.failed, 'Slip_None', `no slip yet; run posdiag diagnose --code CODE to make one (looked in ${dataDir})`);
    throw new HalError('Usage_Invalid', `no slip "${id}" in ${dataDir}; posdiag slip last shows the newest`, { id });
  }

  const doc: SlipJson = { id: slip.id, bytes: slip.bytes.length, meta: slip.meta };
  const lines: string[] = [];
  if (flags.text) {
    doc.text = previewText(slip.bytes, slip.meta.paperWidth);
    lines.push(doc.text);
  }
  if (flags.png) {
    const png = previewPng(slip.bytes, slip.meta.paperWidth);
    await writeOutputFile('png', flags.png, png);
    doc.png = flags.png;
    lines.push(`wrote the PNG preview of slip ${slip.id} to ${safeText(flags.png)} (${png.length} bytes)`);
  }
  if (flags.escpos) {
    await writeOutputFile('escpos', flags.escpos, slip.bytes);
    doc.escpos = flags.escpos;
    lines.push(`wrote the ${slip.bytes.length} printer bytes of slip ${slip.id} to ${safeText(flags.escpos)}`);
  }
  if (flags.text || flags.png || flags.escpos) return { exitCode: EXIT.ok, json: doc, text: lines.join('\n') };

  const env = await openEnvironment({ configPath: ctx.configPath, sim: ctx.sim, env: ctx.io.env, say: ctx.io.stderr });
  try {
    doc.printed = await reprintSlip(env.checkEnv, dataDir, slip);
  } finally {
    await env.close();
  }
  const where = env.simulated ? ' on the simulated printer' : '';
  const p = doc.printed;
  const earlier = earlierSlipLines(p.earlier)
    .map((l) => `\n${l}`)
    .join('');
  if (p.state === 'printed') return { exitCode: EXIT.ok, json: doc, text: `slip ${slip.id} printed again${where} (${slip.bytes.length} bytes)${earlier}` };
  const text =
    p.state === 'queued'
      ? `slip ${slip.id} is waiting for the printer (${safeText(p.reason)}); it prints once the printer is ready${where}`
      : `slip ${slip.id} was not printed (${safeText(p.reason)})${where}`;
  return { exitCode: EXIT.failed, json: doc, text: text + earlier };
}

/** An answer that is not a slip: one clear line on stderr, or the error document with --json. */
function failure(ctx: { io: CliIo; json: boolean }, exitCode: ExitCode, code: string, message: string): CommandOutcome {
  const clean = safeText(message);
  if (!ctx.json) ctx.io.stderr(`posdiag: ${clean}\n`);
  return { exitCode, json: { error: { code, message: clean } }, text: '' };
}
