import type { CliContext } from '../cli/context';
import type { CommandOutcome } from '../cli/io';
import type { FleetSettings } from './config';

export interface ReportFlags {
  hours?: string;
  repeat?: string;
  'missing-hours'?: string;
  html?: string;
}

export async function runReport(_s: FleetSettings, _flags: ReportFlags, _ctx: CliContext): Promise<CommandOutcome> {
  throw new Error('not yet');
}
