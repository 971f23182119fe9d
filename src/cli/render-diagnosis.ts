/**
 * A diagnosis as the person at the counter reads it: the hint in a box (the one calm line, and what
 * to do), then the evidence, what else was found, and where the slip and the record went.
 */
import { NO_LINE_START } from '../../hal/printer/text';
import { displayWidth } from '../i18n/width';
import type { DiagnoseReport } from '../run-diagnosis';
import { paint } from './io';

const SIDE_COLOR: Record<string, number> = { terminal: 33, host: 36, bank: 36, cardholder: 35, merchant: 35 };

/** Wraps text to a display width (a Hanzi counts two columns), breaking at spaces when there are any. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const token of text.split(/(?<= )|(?=[\u3000-\u9fff\uff00-\uffef])/u)) {
    if (line && displayWidth((line + token).trimEnd()) > width) {
      out.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) out.push(line.trimEnd());
  // CJK punctuation never starts a line: the character before it moves down with it.
  for (let i = 1; i < out.length; i++) {
    if (NO_LINE_START.includes(out[i]![0]!) && out[i - 1]!.length > 1) {
      const prev = Array.from(out[i - 1]!);
      out[i] = prev.pop()! + out[i];
      out[i - 1] = prev.join('');
    }
  }
  return out.length ? out : [''];
}

export function hintBox(title: string, action: string, color: boolean, colorCode = 33, width = 44): string {
  const inner = Math.max(width, displayWidth(title) + 2);
  const pad = (s: string) => s + ' '.repeat(Math.max(0, inner - displayWidth(s)));
  const body = [paint(color, 1, pad(title)), pad(''), ...wrap(action, inner).map(pad)];
  const edge = '─'.repeat(inner + 2);
  return [paint(color, colorCode, `┌${edge}┐`), ...body.map((l) => `${paint(color, colorCode, '│')} ${l} ${paint(color, colorCode, '│')}`), paint(color, colorCode, `└${edge}┘`)].join('\n');
}

export function renderDiagnosis(r: DiagnoseReport, color: boolean, where: { slipDir: string }): string {
  const c = r.cause;
  const lines = [hintBox(c.hint.title, c.hint.action, color, SIDE_COLOR[c.side] ?? 33), ''];
  lines.push(`cause     ${c.id} (fault side: ${c.side}, retry: ${c.retry})${r.terminalClear ? ' — terminal checked out' : ''}`);
  for (const e of c.evidence) lines.push(`  ${e.status.padEnd(7)} ${e.finding}${e.value !== undefined ? ` ${e.value}${e.unit ? ' ' + e.unit : ''}` : ''}  ${e.text}`);
  for (const a of r.alsoFound) lines.push(`also      ${a.id}: ${a.hint.title.replace(`${r.code} `, '')}`);
  if (c.steps.length) {
    lines.push('next');
    c.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  }
  const checked = r.checks.map((d) => `${d.device} ${d.status}`).join(', ');
  lines.push(`checked   ${checked || 'nothing (the code needs no device check)'}`);
  const state = r.slip.state === 'printed' ? 'printed' : `${r.slip.state}${r.slip.reason ? ` (${r.slip.reason})` : ''}`;
  const slipKept = r.store.ok || r.store.slipKept;
  lines.push(`slip      ${r.slip.id}, ${r.slip.bytes} bytes, ${state}; ${slipKept ? `kept in ${where.slipDir}` : 'NOT kept (no reprint)'}`);
  lines.push(`journal   ${r.journalId ?? 'NOT recorded'}`);
  if (!r.store.ok) {
    // The diagnosis above stands; what is lost is the record of it, and a person should know.
    const lost = [!r.store.slipKept && 'the slip', !r.store.journalKept && 'the journal record'].filter(Boolean).join(' and ');
    lines.push(paint(color, 31, `not kept  ${lost} could not be written: ${r.store.error}`));
  }
  return lines.join('\n');
}
