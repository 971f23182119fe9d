/**
 * A diagnosis as the person at the counter reads it: the hint in a box (the one calm line, and what
 * to do), then the evidence, what else was found, and where the slip and the record went. What came
 * from devices, files or the configuration (values, texts, reasons, ids, paths) goes through safeText (`s`);
 * causes, statuses and finding ids are posdiag's own words.
 */
import { maskCardNumbers, safeText as s } from '../../hal/safe-text';
import { wasCutShort } from '../../hal/selfcheck';
import { displayWidth, wrapColumns } from '../i18n/width';
import type { DiagnoseReport } from '../services/diagnose';
import type { EarlierSlip } from '../services/print-slip';
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
  return [
    paint(color, colorCode, `┌${edge}┐`),
    ...body.map((l) => `${paint(color, colorCode, '│')} ${l} ${paint(color, colorCode, '│')}`),
    paint(color, colorCode, `└${edge}┘`),
  ].join('\n');
}

export function renderDiagnosis(r: DiagnoseReport, color: boolean, dataDir: string): string {
  const c = r.cause;
  const lines = [hintBox(s(c.hint.title), s(c.hint.action, { max: 1000 }), color, SIDE_COLOR[c.side] ?? 33), ''];
  lines.push(
    `cause     ${c.id}${c.name ? ` in ${c.device} ${s(c.name)}` : ''} (fault side: ${c.side}, retry: ${c.retry})${r.terminalClear ? ' — terminal checked out' : ''}`,
  );
  for (const e of c.evidence)
    lines.push(`  ${e.status.padEnd(7)} ${e.finding}${e.value !== undefined ? ` ${s(`${e.value}${e.unit ? ' ' + e.unit : ''}`)}` : ''}  ${s(e.text)}`);
  for (const a of r.alsoFound) lines.push(`also      ${a.id}: ${s(a.hint.title.replace(`${r.code} `, ''))}`);
  if (c.steps.length) {
    lines.push('next');
    c.steps.forEach((step, i) => lines.push(`  ${i + 1}. ${s(step)}`));
  }
  // A check ended once the cause was known says so rather than the warning its record carries.
  const checked = r.checks.map((d) => `${d.name ? `${d.device} ${s(d.name)}` : d.device} ${wasCutShort(d) ? 'cut short' : d.status}`).join(', ');
  lines.push(`checked   ${checked || 'nothing (the code needs no device check)'}`);
  const state = r.slip.state === 'printed' ? 'printed' : `${r.slip.state}${r.slip.reason ? ` (${s(r.slip.reason)})` : ''}`;
  const slipKept = r.store.ok || r.store.slipKept;
  lines.push(
    r.slip.error
      ? paint(color, 31, `slip      not printed: it could not be made (${s(r.slip.error)})`)
      : `slip      ${s(r.slip.id)}, ${r.slip.bytes} bytes, ${state}; ${slipKept ? `kept in ${s(join(dataDir, SLIPS_DIR))}` : 'NOT kept (no reprint)'}`,
  );
  lines.push(...earlierSlipLines(r.slip.earlier));
  lines.push(`journal   ${r.journalId ? s(r.journalId) : 'NOT recorded'}`);
  if (!r.store.ok) {
    // The diagnosis above stands; what is lost is the record of it, and a person should know.
    const lost = [!r.store.slipKept && 'the slip', !r.store.journalKept && 'the journal record'].filter(Boolean).join(' and ');
    lines.push(paint(color, 31, `not kept  ${lost} could not be written: ${s(r.store.error)}`));
  }
  for (const f of r.setAside) lines.push(paint(color, 33, `damaged   ${s(setAsideLine(f))}`));
  // Values scrubbed one by one can still meet on a line (a value's last digits, the next one's first).
  return maskCardNumbers(lines.join('\n'));
}

/** Slips from before that a print settled: an extra slip came out, or one was given up (and can be reprinted). */
export function earlierSlipLines(earlier: readonly EarlierSlip[] = []): string[] {
  return earlier.map((e) =>
    e.state === 'printed'
      ? `          also printed slip ${s(e.id)}, which was waiting from before`
      : `          gave up on slip ${s(e.id)} from before (${e.why && e.why !== e.reason ? `${e.why}: ` : ''}${s(e.reason)}); posdiag slip ${s(e.id)} prints it again`,
  );
}
