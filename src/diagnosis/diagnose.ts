/**
 * From what the host said (the catalog's answer for the code) and what the self-checks found, to one
 * ranked cause with its evidence, the cashier's hint and the next steps for the slip. Pure.
 *
 * How the cause is chosen:
 * 1. Every device that reported a problem yields its first matching rule (each device's, hal/<device>/causes.ts, gathered in src/diagnosis/causes.ts).
 * 2. A device cause can explain the code only when the code's catalog entry lists that device among
 *    the checks that can confirm it, and the fault can break an online exchange (a printer fault never
 *    explains a host code; it explains T13, whose first check is the printer).
 * 3. Among those, a failure beats a warning, and then the device the catalog lists first wins.
 * 4. Nothing explains the code: for a host-side code with the terminal checked, the terminal is cleared
 *    and the host named (96 with every device healthy); otherwise the code's own meaning stands, with
 *    the checks that passed as its evidence ("the reader works, so the card itself was refused").
 * Problems that do not explain the code are still reported, as `alsoFound`.
 */
import type { CheckStatus, DeviceResult, Finding } from '../../hal/selfcheck';
import type { ExplainResult } from '../codes/explain';
import type { Category, FaultSide, Retry } from '../codes/types';
import type { Params } from '../i18n/format';
import { renderCauseHint, renderStep, type RenderedHint } from '../i18n/hint';
import { translate } from '../i18n/translate';
import { lookup, type Resolved } from '../codes/lookup';
import { CAUSE_RULES, checkPosition, HINT_STEPS, isNotConfigured, matchesEntry, type CauseRule } from './causes';

export interface Evidence {
  device: string;
  /** Which of several devices of the kind (a terminal's readers). */
  name?: string;
  finding: string;
  status: CheckStatus;
  value?: number | string;
  unit?: string;
  /** The finding's message in the diagnosis locale ("信号弱（-101 dBm）…"). */
  text: string;
}

export interface Cause {
  /** A rule id (`signal-weak`, `host-side`) or `code.<category>` when the code's meaning stands. */
  id: string;
  side: FaultSide;
  category: Category;
  retry: Retry;
  /** The device the cause is in, when it is one. */
  device?: string;
  /** Its name, when the terminal has several of the kind (which reader). */
  name?: string;
  evidence: Evidence[];
  hint: RenderedHint;
  /** Next steps, rendered, most useful first; the last one tells whom to call with what. */
  steps: string[];
}

export interface Diagnosis {
  code: string;
  cause: Cause;
  /** Other problems the checks found, ranked, that do not explain this code. */
  alsoFound: Cause[];
  /** The devices checked, and no problem among them that could explain the code. */
  terminalClear: boolean;
  /** Devices that ran a check (not-configured ones excluded). */
  checked: string[];
}

export interface DiagnoseInput {
  explain: ExplainResult;
  devices: readonly DeviceResult[];
  /** Locale for every text; falls back like the hints. Default zh-CN. */
  locale?: string;
  /** The code as the caller looked it up for `explain`, if it has it: the catalog entry is then not looked up again. */
  resolved?: Pick<Resolved, 'entry'>;
}

const STRENGTH: Record<CheckStatus, number> = { pass: 0, warn: 1, timeout: 2, fail: 2, absent: 2 };
/** Findings that best show a device is fine, quoted as evidence when the terminal is cleared. */
// A chip that gave its payment application proves the card reads: a card code then is the card's own.
const HEADLINE = [
  'modem.signal',
  'modem.registration.packet',
  'network.tcp',
  'network.echo',
  'reader.application',
  'reader.ram',
  'reader.comm',
  'printer.paper',
  'printer.online',
];
const MAX_EVIDENCE = 4;
const MAX_STEPS = 4;

/** What the ranking needs of a code: the devices it asks about, in order, and its category. */
export interface CodeShape {
  checks: readonly ExplainResult['checks'][number][];
  category: ExplainResult['category'];
}

/**
 * The codes a card's own trouble (backwards, expired, blocked, no payment application) can explain: card
 * codes, and the terminal's own or unknown ones that name the card among their reasons. A code the host or
 * the issuer sent (96, 91, 51) means the card was read well enough to go online; a card found in the slot
 * afterwards is noted (also found), not blamed.
 */
const CARD_CAUSE_CODES: readonly ExplainResult['category'][] = ['card', 'terminal', 'unknown'];

interface Candidate {
  rule: CauseRule;
  /** The device's name, when it is one of several of its kind. */
  name?: string;
  findings: Finding[];
  strength: number;
  /** Position weight of the device in the code's check list; 0 when the code does not list it. */
  relevance: number;
  eligible: boolean;
}

/** Devices that ran a check (not-configured ones dropped), and their causes, best first. */
function ranked(all: readonly DeviceResult[], entry: CodeShape): { devices: DeviceResult[]; ranked: Candidate[] } {
  const devices = all.filter((d) => !d.findings.every((f) => isNotConfigured(f.id)) || d.findings.length === 0);
  const candidates = devices.flatMap((d) => deviceCandidates(d, entry));
  // A stable sort: on a tie the device listed earlier in `devices` wins.
  candidates.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.strength - a.strength || b.relevance - a.relevance);
  return { devices, ranked: candidates };
}

export function diagnose(input: DiagnoseInput): Diagnosis {
  const { explain: entry, locale } = input;
  const { devices, ranked: order } = ranked(input.devices, entry);
  const checked = [...new Set(devices.map((d) => d.device))];

  const top = order[0]?.eligible ? order[0] : undefined;
  // A check cut off by its budget, or cut short once the cause was known, proved nothing: the terminal
  // is not cleared on its account.
  const unfinished = devices.some((d) => d.findings.some((f) => f.id === `${d.device}.budget` || f.id === `${d.device}.cut-short`));
  const hintKey = () => (input.resolved ?? lookup(entry.code, { acquirer: entry.acquirer })).entry.hint;
  const cause = top ? deviceCause(top, entry, locale) : codeCause(entry, hintKey, devices, locale, unfinished);
  const seen = new Set([cause.id]);
  const alsoFound: Cause[] = [];
  for (const c of order) {
    if (c === top || seen.has(c.rule.id)) continue;
    seen.add(c.rule.id);
    alsoFound.push(deviceCause(c, entry, locale));
  }
  // A host that answered the echo with a refusal clears the terminal as much as an approving one.
  const clear = !top || top.rule.id === 'host-side';
  return { code: entry.code, cause, alsoFound, terminalClear: clear && !unfinished && checked.length > 0, checked };
}

/**
 * Whether the devices `done` already decide the cause diagnose() names, whatever the devices still
 * `running` (their kinds) find. So it is when the best cause so far is a failure (nothing is stronger)
 * of a device the code's checks list before every running device, or at the same place but before it in
 * `order` (the order of the results, which wins a tie). A host that answered clears the terminal only
 * once every device has answered, so it never decides early; nor does a device whose kind is still running.
 */
export function causeSettled(entry: CodeShape, done: readonly DeviceResult[], running: readonly string[], order: readonly string[]): boolean {
  if (running.length === 0) return true;
  const top = ranked(done, entry).ranked[0];
  if (!top?.eligible || top.strength < STRENGTH.fail || top.rule.id === 'host-side') return false;
  const place = (device: string) => order.indexOf(device);
  return running.every((device) => {
    if (device === top.rule.device) return false;
    const idx = checkPosition(entry.checks, device as CauseRule['device']);
    const relevance = idx < 0 ? 0 : entry.checks.length - idx;
    return relevance < top.relevance || (relevance === top.relevance && place(top.rule.device) < place(device));
  });
}

/** The device's causes, most basic first: the first is its cause, different later ones are listed too. */
function deviceCandidates(result: DeviceResult, entry: CodeShape): Candidate[] {
  const problems = result.findings.filter((f) => f.status !== 'pass' && !isNotConfigured(f.id));
  const out: Candidate[] = [];
  const used = new Set<Finding>();
  for (const rule of CAUSE_RULES) {
    if (rule.device !== result.device) continue;
    const hits = problems.filter((f) => !used.has(f) && rule.match.some((m) => matchesEntry(m, f)));
    if (!hits.length) continue;
    // A rule's consequences belong to it: once no signal is the cause, "not registered" is its evidence.
    const consumed = out.length === 0 ? problems : hits;
    for (const f of consumed) used.add(f);
    if (out.some((c) => c.rule.id === rule.id)) continue;
    const idx = checkPosition(entry.checks, rule.device);
    const relevance = idx < 0 ? 0 : entry.checks.length - idx;
    const listedFirst = idx === 0;
    out.push({
      rule,
      ...(result.name ? { name: result.name } : {}),
      findings: out.length === 0 ? orderFirst(hits, consumed) : hits,
      strength: Math.max(...hits.map((f) => STRENGTH[f.status])),
      relevance,
      eligible: relevance > 0 && (rule.online || listedFirst) && (rule.category !== 'card' || CARD_CAUSE_CODES.includes(entry.category)),
    });
  }
  return out;
}

function orderFirst(first: Finding[], all: Finding[]): Finding[] {
  return [...first, ...all.filter((f) => !first.includes(f))];
}

function deviceCause(c: Candidate, entry: ExplainResult, locale: string | undefined): Cause {
  const params: Record<string, string | number> = {};
  if (c.rule.quote) {
    const q = c.findings.find((f) => f.id === c.rule.quote!.finding);
    if (typeof q?.value === 'number') params[c.rule.quote.param] = q.value;
  }
  return {
    id: c.rule.id,
    side: c.rule.side,
    category: c.rule.category,
    retry: c.rule.retry,
    device: c.rule.device,
    ...(c.name ? { name: c.name } : {}),
    evidence: c.findings.slice(0, MAX_EVIDENCE).map((f) => evidenceOf(c.rule.device, f, locale, c.name)),
    hint: renderCauseHint(c.rule.id, entry.code, locale, params) ?? entry.hint,
    steps: renderSteps(c.rule.steps, entry, locale),
  };
}

function codeCause(entry: ExplainResult, hintKey: () => string, devices: readonly DeviceResult[], locale: string | undefined, unfinished: boolean): Cause {
  const listed = (device: string) => Number((entry.checks as readonly string[]).includes(device));
  const evidence = devices
    .flatMap((d) => d.findings.filter((f) => f.status === 'pass' && HEADLINE.includes(f.id)).map((f) => evidenceOf(d.device, f, locale, d.name)))
    // The devices the code asks about first ("the reader works, so the card itself was refused"), then the headline order.
    .sort((a, b) => listed(b.device) - listed(a.device) || HEADLINE.indexOf(a.finding) - HEADLINE.indexOf(b.finding))
    .slice(0, MAX_EVIDENCE);
  const hostSide = entry.category === 'host' && devices.length > 0 && !unfinished;
  if (hostSide) {
    return {
      id: 'host-side',
      side: 'host',
      category: 'host',
      retry: 'later',
      evidence,
      hint: renderCauseHint('host-side', entry.code, locale) ?? entry.hint,
      steps: renderSteps(['retry-later', 'call-acquirer'], entry, locale),
    };
  }
  return {
    id: `code.${entry.category}`,
    side: entry.side,
    category: entry.category,
    retry: entry.retry,
    evidence,
    hint: entry.hint,
    steps: renderSteps(HINT_STEPS[hintKey()] ?? codeSteps(entry), entry, locale),
  };
}

/** Next steps when the code's own meaning stands, from what the catalog says can confirm it. */
export function codeSteps(entry: Pick<ExplainResult, 'category' | 'checks' | 'retry'>): string[] {
  const steps: string[] = [];
  const { category, checks } = entry;
  if (category === 'approved') return steps;
  if (checks.includes('journal')) steps.push('check-last');
  if (checks.includes('keys')) steps.push('sign-on');
  if (checks.includes('params')) steps.push('check-params');
  if (category === 'card' && checks.includes('reader')) steps.push('check-card');
  if (category === 'card' || entry.retry === 'never') steps.push('other-payment');
  if (category === 'issuer' || category === 'host') steps.push('retry-later');
  if (category === 'network' || category === 'terminal' || category === 'unknown') steps.push('restart');
  if (category === 'config' || category === 'security') steps.push('call-acquirer');
  if (entry.retry === 'now') steps.unshift('retry');
  return steps;
}

function renderSteps(ids: readonly string[], entry: ExplainResult, locale: string | undefined): string[] {
  const unique = [...new Set(ids)].slice(0, MAX_STEPS - 1);
  if (entry.category !== 'approved') unique.push('support');
  const params: Params = { code: entry.code };
  return unique.map((id) => renderStep(id, locale, params));
}

function evidenceOf(device: string, f: Finding, locale: string | undefined, name?: string): Evidence {
  return {
    device,
    ...(name ? { name } : {}),
    finding: f.id,
    status: f.status,
    ...(f.value !== undefined ? { value: f.value } : {}),
    ...(f.unit !== undefined ? { unit: f.unit } : {}),
    text: translate(f.message, (f.params ?? {}) as Params, locale),
  };
}
