/**
 * `posdiag journal [list|show ID|export]`: the diagnostic journal, read-only.
 *
 *   list         newest first, one line each (time, id, code, cause, slip state); --limit N, --kind K
 *   show ID      one record in full (J00000042, or just 42)
 *   export       every record, oldest first, as JSON Lines on stdout or into --out FILE
 *
 * --json: list -> {records, skipped}, show -> {record}, export -> {records} (schemas/journal.json).
 * The data directory comes from the configuration, POSDIAG_HOME or ~/.posdiag; nothing is started and
 * nothing is created by reading. An unknown id or action is bad usage (exit 2); an empty journal is an
 * answer (exit 0, "no records").
 */
import { HalError } from '../../../hal/errors';
import { dataDirFor, isSimulatedRun } from '../../journal/data-dir';
import { formatId, parseId } from '../../journal/ids';
import { openJournal } from '../../journal/journal';
import { journalLabels, recordDetail, recordLine } from '../../journal/render';
import { JOURNAL_KINDS, type JournalKind, type JournalRecord } from '../../journal/types';
import { configOf } from '../context';
import { countDamaged, DAMAGED_DIR, setAsideLine, setAsideMark, setAsideSince } from '../../files/set-aside';
import { wholeNumber } from '../args';
import { writeOutputFile } from '../output-file';
import { EXIT } from '../io';
import type { CommandSpec } from '../spec';

const ACTIONS = ['list', 'show', 'export'] as const;

interface JournalOptions {
  limit?: string;
  kind?: string;
  out?: string;
}

export const command: CommandSpec = {
  name: 'journal',
  arguments: [
    { name: 'action', help: ACTIONS.join(', '), default: 'list' },
    { name: 'id', help: 'record id for show (J00000042 or 42)' },
  ],
  options: [
    { name: 'limit', value: 'n', help: 'list: at most this many records (newest first)' },
    { name: 'kind', value: 'kind', help: `list: only ${JOURNAL_KINDS.join(', ')} records` },
    { name: 'out', value: 'file', help: 'export: write the JSON Lines to this file instead of stdout' },
  ],
  examples: [
    'posdiag journal',
    'posdiag journal show J00000042',
    'posdiag journal export --out /sdcard/posdiag.jsonl',
    'posdiag journal list --limit 10 --json',
  ],
  async run({ args, opts: flags }, ctx) {
    const { action, id } = args;
    const opts = flags as JournalOptions;
    const io = ctx.io;
    const config = await configOf(ctx);
    const locale = ctx.locale ?? config?.terminal.locale;
    const L = journalLabels(locale);
    const dir = dataDirFor(config, isSimulatedRun(ctx), io.env);
    const journal = openJournal(dir);

    switch (action) {
      case 'list': {
        if (id !== undefined) throw new HalError('Usage_Invalid', `journal list takes no id (did you mean: posdiag journal show ${id}?)`);
        const kind = parseKind(opts.kind);
        const limit = parseLimit(opts.limit);
        const mark = setAsideMark();
        const { records, skipped } = await journal.readAll();
        const picked = records
          .filter((r) => kind === undefined || r.kind === kind)
          .reverse()
          .slice(0, limit);
        const lines = picked.map((r) => recordLine(r, locale));
        if (lines.length === 0) lines.push(L.noRecords);
        if (skipped > 0) lines.push(L.skipped(skipped));
        // Damaged files are reported, not hidden: the ones this run set aside, and how many wait in damaged/.
        const setAside = setAsideSince(mark, dir);
        const damaged = countDamaged(dir);
        for (const f of setAside) lines.push(`damaged: ${setAsideLine(f)}`);
        if (damaged > 0) lines.push(`${damaged} damaged file(s) set aside in ${DAMAGED_DIR}/ of the data directory`);
        return { exitCode: EXIT.ok, json: { records: picked, skipped, setAside, damaged }, text: lines.join('\n') + '\n' };
      }
      case 'show': {
        if (id === undefined)
          throw new HalError('Usage_Invalid', 'journal show needs a record id, e.g. posdiag journal show J00000042 (posdiag journal list shows them)');
        const wanted = normalizeId(id);
        const record = wanted === null ? null : await journal.get(wanted);
        if (!record) throw new HalError('Usage_Invalid', `no journal record "${id}" in ${dir} (posdiag journal list shows the ids)`, { id, dir });
        return { exitCode: EXIT.ok, json: { record }, text: recordDetail(record, locale) };
      }
      case 'export': {
        if (id !== undefined) throw new HalError('Usage_Invalid', `journal export takes no id, got "${id}"`);
        const { records } = await journal.readAll();
        const jsonl = records.map((r) => JSON.stringify(r) + '\n').join('');
        if (opts.out !== undefined) {
          await writeOutputFile('out', opts.out, jsonl, 0o600);
          return { exitCode: EXIT.ok, json: { records, out: opts.out }, text: L.exported(records.length, opts.out) };
        }
        // Stdout carries only the JSON Lines; the empty case is said on stderr.
        if (records.length === 0 && !ctx.json) io.stderr(L.noRecords + '\n');
        return { exitCode: EXIT.ok, json: { records }, text: jsonl };
      }
      default:
        throw new HalError('Usage_Invalid', `journal: unknown action "${action}"; expected one of ${ACTIONS.join(', ')}`, { action });
    }
  },
};

/** J00000042, j42 or 42 -> J00000042; anything else is not an id. */
export function normalizeId(id: string): string | null {
  const t = id.trim();
  const seq = /^\d+$/.test(t) ? Number(t) : /^[Jj]\d+$/.test(t) ? Number(t.slice(1)) : NaN;
  if (!Number.isSafeInteger(seq) || seq <= 0) return null;
  const formatted = formatId(seq);
  return parseId(formatted) === seq ? formatted : null;
}

function parseKind(kind: string | undefined): JournalKind | undefined {
  if (kind === undefined) return undefined;
  if (!(JOURNAL_KINDS as readonly string[]).includes(kind))
    throw new HalError('Usage_Invalid', `--kind: expected one of ${JOURNAL_KINDS.join(', ')}, got "${kind}"`);
  return kind as JournalKind;
}

function parseLimit(limit: string | undefined): number | undefined {
  if (limit === undefined) return undefined;
  const n = wholeNumber(limit, 1, 1_000_000);
  if (n === null) throw new HalError('Usage_Invalid', `--limit must be a whole number from 1 to 1000000, got "${limit}"`);
  return n;
}

export type { JournalRecord };
