/**
 * The support desk's questions, answered from the fleet database with the same SQL on SQLite and
 * PostgreSQL: which causes, when (by hour) and where (by region: the merchant's location); which
 * terminals keep failing the same way; which are offline, missing or lost records (gap).
 */
import type { FleetStore } from './store';

export interface ReportOptions {
  /** The cause counts' window, back from the newest record (the terminal's clock). */
  hours: number;
  /** A terminal with the same cause at least this often in the 7 days before the newest record. */
  repeat: number;
  /** A terminal not seen for this long (by the fleet's clock) is missing. */
  missingHours: number;
  /** The fleet's clock (ms since 1970). */
  now: number;
}

export interface FleetReport {
  generatedAt: string;
  window: { from: string; to: string; hours: number };
  totals: { records: number; diagnoses: number; terminals: number };
  topCauses: Array<{ cause: string; count: number }>;
  byHour: Array<{ hour: string; cause: string; count: number }>;
  byRegion: Array<{ region: string; cause: string; count: number }>;
  repeated: Array<{ terminalId: string; cause: string; count: number }>;
  attention: Array<{ terminalId: string; acquirer: string; online: boolean | null; lastSeen: string; missing: boolean; gap: number }>;
}

const HOUR = 3_600_000;
const NO_CAUSE = '(none)';
const NO_REGION = '(no location)';

export async function buildReport(store: FleetStore, o: ReportOptions): Promise<FleetReport> {
  const [newest] = await store.query<{ t: number | null }>("select max(t_terminal_ms) as t from records where kind = 'diagnosis'");
  const to = Number(newest?.t ?? o.now);
  const from = to - o.hours * HOUR;
  const [totals] = await store.query<{ records: number; diagnoses: number; terminals: number }>(
    "select count(*) as records, sum(case when kind = 'diagnosis' then 1 else 0 end) as diagnoses, count(distinct terminal_id) as terminals from records",
  );
  const inWindow = "kind = 'diagnosis' and t_terminal_ms > ? and t_terminal_ms <= ?";
  const topCauses = await store.query<{ cause: string; count: number }>(
    `select coalesce(cause, '${NO_CAUSE}') as cause, count(*) as count from records where ${inWindow} group by cause order by count desc, cause`,
    [from, to],
  );
  const hours = await store.query<{ h: number; cause: string; count: number }>(
    `select t_terminal_ms / ${HOUR} as h, coalesce(cause, '${NO_CAUSE}') as cause, count(*) as count from records where ${inWindow} group by h, cause order by h, count desc, cause`,
    [from, to],
  );
  const regions = await store.query<{ region: string; cause: string; count: number }>(
    `select region, coalesce(cause, '${NO_CAUSE}') as cause, count(*) as count from records where ${inWindow} group by region, cause order by count desc, region, cause`,
    [from, to],
  );
  const repeated = await store.query<{ terminal_id: string; cause: string; count: number }>(
    `select terminal_id, cause, count(*) as count from records where kind = 'diagnosis' and cause is not null and t_terminal_ms > ? and t_terminal_ms <= ? group by terminal_id, cause having count(*) >= ? order by count desc, terminal_id, cause limit 200`,
    [to - 7 * 24 * HOUR, to, o.repeat],
  );
  const missingBefore = o.now - o.missingHours * HOUR;
  // Records a terminal announced lost (record_gap) and never sent after all: its status's gap counts only
  // what is still ahead of its acknowledgement, which the acknowledgement steps over. A terminal whose
  // announced records all came after all (they were on their way when its journal rotated) lost nothing.
  const LOST = `select terminal_id, sum(n) as lost from (select g.terminal_id, g.to_seq - g.from_seq + 1 - (select count(*) from records r where r.terminal_id = g.terminal_id and r.epoch = g.epoch and r.seq between g.from_seq and g.to_seq) as n from record_gap g) x group by terminal_id`;
  const attention = await store.query<{ terminal_id: string; acquirer: string; online: number | null; last_seen_ms: number; gap: number | null }>(
    `select terminal_id, acquirer, online, last_seen_ms, gap from terminal_status where online = 0 or last_seen_ms < ? or gap > 0 or terminal_id in (select terminal_id from (${LOST}) l where l.lost > 0) order by last_seen_ms, terminal_id limit 500`,
    [missingBefore],
  );
  const lostRows = await store.query<{ terminal_id: string; lost: number | string }>(LOST);
  const lost = new Map(lostRows.map((r) => [r.terminal_id, Number(r.lost)]));
  return {
    generatedAt: new Date(o.now).toISOString(),
    window: { from: new Date(from).toISOString(), to: new Date(to).toISOString(), hours: o.hours },
    totals: { records: Number(totals?.records ?? 0), diagnoses: Number(totals?.diagnoses ?? 0), terminals: Number(totals?.terminals ?? 0) },
    topCauses: topCauses.map((r) => ({ cause: r.cause, count: Number(r.count) })),
    byHour: hours.map((r) => ({ hour: new Date(Number(r.h) * HOUR).toISOString().slice(0, 13) + ':00Z', cause: r.cause, count: Number(r.count) })),
    byRegion: regions.map((r) => ({ region: r.region || NO_REGION, cause: r.cause, count: Number(r.count) })),
    repeated: repeated.map((r) => ({ terminalId: r.terminal_id, cause: r.cause, count: Number(r.count) })),
    attention: attention.map((r) => ({
      terminalId: r.terminal_id,
      acquirer: r.acquirer,
      online: r.online === null ? null : Number(r.online) === 1,
      lastSeen: new Date(Number(r.last_seen_ms)).toISOString(),
      missing: Number(r.last_seen_ms) < missingBefore,
      gap: Math.max(Number(r.gap ?? 0), lost.get(r.terminal_id) ?? 0),
    })),
  };
}

export function reportText(r: FleetReport): string {
  const lines = [
    `fleet report, ${r.window.from} to ${r.window.to} (${r.window.hours} h): ${r.totals.diagnoses} diagnoses of ${r.totals.records} records from ${r.totals.terminals} terminals`,
    '',
  ];
  lines.push('top causes:');
  for (const c of r.topCauses.slice(0, 10)) lines.push(`  ${String(c.count).padStart(6)}  ${c.cause}`);
  if (!r.topCauses.length) lines.push('  none');
  lines.push('', 'by region (top cause first):');
  for (const g of r.byRegion.slice(0, 20)) lines.push(`  ${String(g.count).padStart(6)}  ${g.region}  ${g.cause}`);
  lines.push('', 'by hour (UTC):');
  for (const h of r.byHour.slice(-48)) lines.push(`  ${h.hour}  ${String(h.count).padStart(5)}  ${h.cause}`);
  lines.push('', 'terminals with a repeated cause (7 days):');
  for (const t of r.repeated) lines.push(`  ${t.terminalId}  ${t.cause} x${t.count}`);
  if (!r.repeated.length) lines.push('  none');
  lines.push('', 'terminals offline, missing or with a gap:');
  for (const t of r.attention)
    lines.push(
      `  ${t.terminalId}  ${t.online === false ? 'offline' : t.online ? 'online' : 'status unknown'}${t.missing ? ', missing' : ''}, last seen ${t.lastSeen}${t.gap ? `, gap ${t.gap} records` : ''}`,
    );
  if (!r.attention.length) lines.push('  none');
  return lines.join('\n') + '\n';
}
