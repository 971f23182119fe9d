/** `posdiag fleet report`: the report from the database, as text, --json (schemas/fleet.json) and --html FILE. */
import { HalError } from '../../hal/errors';
import { wholeNumber } from '../cli/args';
import type { CliContext } from '../cli/context';
import { EXIT, type CommandOutcome } from '../cli/io';
import { writeOutputFile } from '../cli/output-file';
import type { FleetSettings } from './config';
import { openFleetStore } from './database';
import { buildReport, reportText } from './report';
import { reportHtml } from './report-html';

export interface ReportFlags {
  hours?: string;
  repeat?: string;
  'missing-hours'?: string;
  html?: string;
}

function flag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = wholeNumber(value, min, max);
  if (n === null) throw new HalError('Usage_Invalid', `--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

export async function runReport(s: FleetSettings, flags: ReportFlags, _ctx: CliContext): Promise<CommandOutcome> {
  const opts = {
    hours: flag('hours', flags.hours, 24, 1, 24 * 366),
    repeat: flag('repeat', flags.repeat, 3, 2, 1_000_000),
    missingHours: flag('missing-hours', flags['missing-hours'], 24, 1, 24 * 366),
    now: Date.now(),
  };
  const store = await openFleetStore(s.database);
  let report;
  try {
    report = await buildReport(store, opts);
  } finally {
    await store.close();
  }
  if (flags.html !== undefined) await writeOutputFile('html', flags.html, reportHtml(report), 0o644);
  const text = reportText(report) + (flags.html !== undefined ? `\nHTML report: ${flags.html}\n` : '');
  return { exitCode: EXIT.ok, json: flags.html !== undefined ? { ...report, html: flags.html } : report, text };
}
