/**
 * A diagnosis as the person at the counter reads it: the hint in a box (the one calm line, and what
 * to do), then the evidence, what else was found, and where the slip and the record went.
 */
import { displayWidth, wrapColumns } from '../i18n/width';
import type { DiagnoseReport } from '../run-diagnosis';
import type { EarlierSlip } from '../slip/print';
import { SLIPS_DIR } from '../journal/slip-store';
import { join } from 'node:path';
import { paint } from './io';
import { setAsideLine } from '../files/set-aside';

const SIDE_COLOR: Record<string, number> = { terminal: 33, host: 36, bank: 36, cardholder: 35, merchant: 35 };

export function hintBox(title: string, action: string, color: boolean, colorCode = 33, width = 44): string {
  const inner = Math.max(width, displayWidth(title) + 2);
  const pad = (s: string) => s + ' '.repeat(Math.max(0, inner - displayWidth(s)));
  const body = [paint(color, 1, pad(title)), pad(''), ...wrapColumns(action, inner).map(pad)];
  const edge = '─'.repeat(inner + 2);
  return [paint(color, colorCode, `┌${edge}┐`), ...body.map((l) => `${paint(color, colorCode, '│')} ${l} ${paint(color, colorCode, '│')}`), paint(color, colorCode, `└${edge}┘`)].join('\n');
}

export function renderDiagnosis(r: DiagnoseReport, color: boolean, dataDir: string): string {
  const c = r.cause;
  const lines = [hintBox(c.hint.title, c.hint.action, color, SIDE_COLOR[c.side] ?? 33), ''];
  lines.push(`cause     ${c.id}${c.name ? ` in ${c.device} ${c.name}` : ''} (fault side: ${c.side}, retry: ${c.retry})${r.terminalClear ? ' — terminal checked out' : ''}`);
  for (const e of c.evidence) lines.push(`  ${e.status.padEnd(7)} ${e.finding}${e.value !== undefined ? ` ${e.value}${e.unit ? ' ' + e.unit : ''}` : ''}  ${e.text}`);
  for (const a of r.alsoFound) lines.push(`also      ${a.id}: ${a.hint.title.replace(`${r.code} `, '')}`);
  if (c.steps.length) {
    lines.push('next');
    c.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  }
  const checked = r.checks.map((d) => `${d.name ? `${d.device} ${d.name}` : d.device} ${d.status}`).join(', ');
  lines.push(`checked   ${checked || 'nothing (the code needs no device check)'}`);
  const state = r.slip.state === 'printed' ? 'printed' : `${r.slip.state}${r.slip.reason ? ` (${r.slip.reason})` : ''}`;
  const slipKept = r.store.ok || r.store.slipKept;
  lines.push(`slip      ${r.slip.id}, ${r.slip.bytes} bytes, ${state}; ${slipKept ? `kept in ${join(dataDir, SLIPS_DIR)}` : 'NOT kept (no reprint)'}`);
  lines.push(...earlierSlipLines(r.slip.earlier));
  lines.push(`journal   ${r.journalId ?? 'NOT recorded'}`);
  if (!r.store.ok) {
    // The diagnosis above stands; what is lost is the record of it, and a person should know.
    const lost = [!r.store.slipKept && 'the slip', !r.store.journalKept && 'the journal record'].filter(Boolean).join(' and ');
    lines.push(paint(color, 31, `not kept  ${lost} could not be written: ${r.store.error}`));
  }
  for (const f of r.setAside) lines.push(paint(color, 33, `damaged   ${setAsideLine(f)}`));
  return lines.join('\n');
}

/** Slips from before that a print settled: an extra slip came out, or one was given up (and can be reprinted). */
export function earlierSlipLines(earlier: readonly EarlierSlip[] = []): string[] {
  return earlier.map((e) =>
    e.state === 'printed'
      ? `          also printed slip ${e.id}, which was waiting from before`
      : `          gave up on slip ${e.id} from before (${e.why && e.why !== e.reason ? `${e.why}: ` : ''}${e.reason}); posdiag slip ${e.id} prints it again`,
  );
}
