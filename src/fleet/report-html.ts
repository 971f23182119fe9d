/**
 * The fleet report as one self-contained HTML page: two bar charts drawn here as inline SVG (causes per
 * hour, stacked; causes per region, stacked), then the lists. No script, no external font, stylesheet
 * or image: the page shows the same offline, in a mail, or in a browser that blocks everything.
 * The charts sit at fixed places on the page (a screenshot test looks for their bars there).
 */
import type { FleetReport } from './report';

/** One colour per cause, in the order of the top causes; the rest share grey. */
export const CAUSE_COLOURS = ['#d62728', '#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];
const OTHER = '#7f7f7f';
export const CHART = { width: 860, height: 300, hourTop: 60, regionTop: 400 } as const;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Stack {
  label: string;
  parts: Map<string, number>;
}

function stacks<T>(rows: readonly T[], key: (r: T) => string, cause: (r: T) => string, count: (r: T) => number): Stack[] {
  const out = new Map<string, Stack>();
  for (const r of rows) {
    const k = key(r);
    const s = out.get(k) ?? { label: k, parts: new Map() };
    s.parts.set(cause(r), (s.parts.get(cause(r)) ?? 0) + count(r));
    out.set(k, s);
  }
  return [...out.values()];
}

function colourOf(causes: readonly string[]): (cause: string) => string {
  return (c) => {
    const i = causes.indexOf(c);
    return i >= 0 && i < CAUSE_COLOURS.length ? CAUSE_COLOURS[i]! : OTHER;
  };
}

/** Vertical stacked bars, one per label, left to right. */
function columnChart(id: string, title: string, data: Stack[], colour: (c: string) => string): string {
  const { width: W, height: H } = CHART;
  const pad = { l: 40, r: 10, t: 24, b: 40 };
  const max = Math.max(1, ...data.map((s) => [...s.parts.values()].reduce((a, b) => a + b, 0)));
  const slot = (W - pad.l - pad.r) / Math.max(1, data.length);
  const bw = Math.max(2, slot * 0.8);
  const scale = (H - pad.t - pad.b) / max;
  const bars: string[] = [];
  data.forEach((s, i) => {
    let y = H - pad.b;
    const x = pad.l + i * slot + (slot - bw) / 2;
    for (const [cause, n] of s.parts) {
      const h = n * scale;
      y -= h;
      bars.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}" fill="${colour(cause)}"><title>${esc(s.label)} ${esc(cause)}: ${n}</title></rect>`,
      );
    }
    if (data.length <= 24 || i % Math.ceil(data.length / 24) === 0)
      bars.push(`<text x="${(x + bw / 2).toFixed(1)}" y="${H - pad.b + 14}" font-size="10" text-anchor="middle">${esc(s.label)}</text>`);
  });
  return svg(id, title, max, pad, bars);
}

function svg(id: string, title: string, max: number, pad: { l: number; b: number; t: number }, body: string[]): string {
  const { width: W, height: H } = CHART;
  return `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">
<text x="${pad.l}" y="16" font-size="14" font-weight="bold">${esc(title)}</text>
<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - 10}" y2="${H - pad.b}" stroke="#333"/><line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#333"/>
<text x="${pad.l - 4}" y="${pad.t + 10}" font-size="10" text-anchor="end">${max}</text><text x="${pad.l - 4}" y="${H - pad.b}" font-size="10" text-anchor="end">0</text>
${body.join('\n')}
</svg>`;
}

export function reportHtml(r: FleetReport): string {
  const causes = r.topCauses.map((c) => c.cause);
  const colour = colourOf(causes);
  const hourly = stacks(
    r.byHour,
    (h) => h.hour.slice(5, 13).replace('T', ' '),
    (h) => h.cause,
    (h) => h.count,
  );
  const regional = stacks(
    r.byRegion,
    (g) => g.region,
    (g) => g.cause,
    (g) => g.count,
  ).slice(0, 20);
  const legend =
    causes
      .slice(0, CAUSE_COLOURS.length)
      .map((c) => `<span><i style="background:${colour(c)}"></i>${esc(c)}</span>`)
      .join(' ') + (causes.length > CAUSE_COLOURS.length ? ` <span><i style="background:${OTHER}"></i>other</span>` : '');
  const row = (cells: Array<string | number>) => `<tr>${cells.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>posdiag fleet report</title>
<style>
body{margin:0;font:13px sans-serif;color:#222;background:#fff}
header{position:absolute;top:8px;left:10px;height:44px}
h1{font-size:16px;margin:0} .legend span{margin-right:12px} .legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
#by-hour{position:absolute;top:${CHART.hourTop}px;left:10px} #by-region{position:absolute;top:${CHART.regionTop}px;left:10px}
main{position:absolute;top:${CHART.regionTop + CHART.height + 30}px;left:10px;right:10px}
table{border-collapse:collapse;margin-bottom:16px} td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}
</style></head><body>
<header><h1>posdiag fleet report: ${esc(r.window.from)} to ${esc(r.window.to)}</h1>
<div class="legend">${r.totals.diagnoses} diagnoses, ${r.totals.terminals} terminals. ${legend}</div></header>
${columnChart('by-hour', `Diagnoses per hour (UTC), last ${r.window.hours} h, by cause`, hourly, colour)}
${columnChart('by-region', 'Diagnoses per region (merchant location), by cause', regional, colour)}
<main>
<h2>Terminals with a repeated cause (7 days)</h2>
<table><tr><th>terminal</th><th>cause</th><th>count</th></tr>${r.repeated.map((t) => row([t.terminalId, t.cause, t.count])).join('') || '<tr><td colspan="3">none</td></tr>'}</table>
<h2>Terminals offline, missing or with a gap</h2>
<table><tr><th>terminal</th><th>acquirer</th><th>online</th><th>last seen</th><th>missing</th><th>gap</th></tr>${r.attention.map((t) => row([t.terminalId, t.acquirer, t.online === null ? '?' : t.online ? 'yes' : 'no', t.lastSeen, t.missing ? 'yes' : '', t.gap || ''])).join('') || '<tr><td colspan="6">none</td></tr>'}</table>
</main></body></html>
`;
}
