/**
 * The causes a self-check can prove, as data: which findings show each one, whose side it is, whether
 * the cashier may retry, and what to do next. src/diagnosis/diagnose.ts ranks them against the code.
 *
 * Within a device the rules are ordered from the most basic failure to the least: a modem that does not
 * answer explains everything after it, a missing SIM explains the missing registration, no signal
 * explains no data. Only the first rule that matches names the device's cause; later matches are
 * consequences and are listed as "also found" only when they are a different cause.
 */
import type { CheckedDevice } from '../../hal/devices';
import type { CheckStatus, Finding } from '../../hal/selfcheck';
import type { Category, FaultSide, Retry } from '../codes/types';

/** The devices of hal/devices.ts (a type only: the diagnosis stays pure). */
export type CauseDevice = CheckedDevice;

export interface CauseRule {
  /** Stable id: the journal, the JSON output and the texts (`cause.<id>.*` in src/i18n/locales/) use it. */
  id: string;
  device: CauseDevice;
  side: FaultSide;
  category: Category;
  retry: Retry;
  /**
   * Findings that show the cause: an id (exact, or a prefix ending in '.'), the statuses that count and,
   * where one status covers outcomes with different causes, the finding messages or values that count.
   */
  match: ReadonlyArray<{ finding: string; status: readonly CheckStatus[]; message?: readonly string[]; value?: readonly string[] }>;
  /**
   * The fault can make an online transaction fail (no reply, a code from the host). A printer fault
   * cannot: it is reported, but it never becomes the cause of a host code.
   */
  online: boolean;
  /** Next steps (`step.<id>` texts in src/i18n/locales/), most useful first. */
  steps: readonly string[];
  /** The finding whose value the hint quotes, and the parameter it becomes ("dbm", "ms"). */
  quote?: { finding: string; param: string };
}

const BAD: readonly CheckStatus[] = ['fail', 'absent', 'timeout'];
const WARN: readonly CheckStatus[] = ['warn'];
/**
 * The card's troubles the chip reader proves, each a cause on the card's side (id, side, retry, the finding
 * values that show it, steps): written as rows, they are one short table instead of five rule objects.
 */
function chipCardRules(rows: ReadonlyArray<[string, FaultSide, Retry, string[], string[]]>): CauseRule[] {
  return rows.map(([id, side, retry, value, steps]) => ({ id, device: 'reader', side, category: 'card', retry, online: true, match: [{ finding: 'reader.', status: BAD, value }], steps }));
}

/** The chip reader's own failures that are not a dead link (hal/reader/ccid/chip-check.ts). */
const CHIP_READER_MESSAGES = ['error-path.wrong', 'power-off.still-active', 'parameters.refused', 'protocol.no-echo', 'protocol.echo', 'protocol.sequence', 'protocol.type'].map(
  (m) => `check.reader.chip.${m}`,
);
/** network.echo messages (hal/network/check.ts) for a reply the host did send. */
const ECHO_ANSWERED = ['declined', 'garbled', 'wrong-stan'].map((outcome) => `check.network.echo.${outcome}`);

export const CAUSE_RULES: readonly CauseRule[] = [
  // modem
  {
    id: 'modem-unresponsive', device: 'modem', side: 'terminal', category: 'terminal', retry: 'after-fix', online: true,
    match: [{ finding: 'modem.link', status: BAD }, { finding: 'modem.connection', status: BAD }, { finding: 'modem.probe', status: BAD }, { finding: 'modem.init', status: BAD }, { finding: 'modem.budget', status: BAD }, { finding: 'modem.error', status: BAD }],
    steps: ['restart', 'call-service'],
  },
  {
    id: 'sim-fault', device: 'modem', side: 'terminal', category: 'terminal', retry: 'after-fix', online: true,
    match: [{ finding: 'modem.sim', status: BAD }],
    steps: ['reseat-sim', 'restart', 'call-carrier'],
  },
  {
    id: 'signal-none', device: 'modem', side: 'terminal', category: 'network', retry: 'after-fix', online: true,
    match: [{ finding: 'modem.signal', status: BAD }],
    steps: ['move-terminal', 'retry'],
    quote: { finding: 'modem.signal', param: 'dbm' },
  },
  {
    id: 'mobile-not-registered', device: 'modem', side: 'terminal', category: 'network', retry: 'after-fix', online: true,
    match: [{ finding: 'modem.registration.circuit', status: BAD }],
    steps: ['restart', 'call-carrier'],
  },
  {
    id: 'mobile-data-down', device: 'modem', side: 'terminal', category: 'network', retry: 'after-fix', online: true,
    match: [{ finding: 'modem.registration.packet', status: BAD }, { finding: 'modem.packet', status: BAD }, { finding: 'modem.pdp', status: BAD }],
    steps: ['restart', 'check-apn'],
  },
  {
    id: 'signal-weak', device: 'modem', side: 'terminal', category: 'network', retry: 'after-fix', online: true,
    match: [{ finding: 'modem.signal', status: WARN }],
    steps: ['move-terminal', 'retry'],
    quote: { finding: 'modem.signal', param: 'dbm' },
  },
  // Any other modem failure no rule above names: the same cause as a modem that does not answer.
  {
    id: 'modem-unresponsive', device: 'modem', side: 'terminal', category: 'terminal', retry: 'after-fix', online: true,
    match: [{ finding: 'modem.', status: BAD }],
    steps: ['restart', 'call-service'],
  },
  // network
  {
    id: 'local-network-config', device: 'network', side: 'terminal', category: 'config', retry: 'after-fix', online: true,
    match: [{ finding: 'network.interfaces', status: BAD }, { finding: 'network.gateway', status: BAD }, { finding: 'network.dns', status: BAD }, { finding: 'network.dns-servers', status: BAD }],
    steps: ['check-lan', 'restart'],
  },
  // The host: a failed connection leaves no echo to judge, so these three never compete for the same
  // findings except through the echo, where what the host answered comes first.
  // It answered the echo, but not with approval: it is up and reachable, and its answer (a code such as
  // 96, or a reply it got wrong) says the fault is on its side. A quick 96 is not a slow host.
  {
    id: 'host-side', device: 'network', side: 'host', category: 'host', retry: 'later', online: true,
    match: [{ finding: 'network.echo', status: BAD, message: ECHO_ANSWERED }],
    steps: ['retry-later', 'call-acquirer'],
  },
  // Slow only when the time says so: the answer came after the slow mark, or none came in time.
  {
    id: 'host-slow', device: 'network', side: 'host', category: 'host', retry: 'later', online: true,
    match: [{ finding: 'network.echo-rtt', status: [...WARN, ...BAD] }, { finding: 'network.echo', status: ['timeout'] }],
    steps: ['retry-later'],
    quote: { finding: 'network.echo-rtt', param: 'ms' },
  },
  // No connection, or the echo exchange broke some other way (refused, reset, unreachable).
  {
    id: 'host-unreachable', device: 'network', side: 'host', category: 'network', retry: 'later', online: true,
    match: [{ finding: 'network.tcp', status: BAD }, { finding: 'network.echo', status: BAD }],
    steps: ['retry-later', 'check-host-settings', 'call-acquirer'],
  },
  // reader: the chip reader's findings name what went wrong with the card in their value
  // (hal/reader/ccid/chip-check.ts CHIP_CARD_PROBLEMS). The reader itself first: when it is dead, or
  // answers an empty slot wrongly, no card it failed to read says anything about the card.
  {
    id: 'chip-reader-fault', device: 'reader', side: 'terminal', category: 'terminal', retry: 'after-fix', online: true,
    match: [{ finding: 'reader.', status: BAD, value: ['reader-fault'] }, { finding: 'reader.', status: BAD, message: CHIP_READER_MESSAGES }],
    steps: ['swipe-instead', 'service-reader'],
  },
  ...chipCardRules([
    ['card-backwards-or-dirty', 'merchant', 'after-fix', ['backwards-or-dirty', 'not-inserted', 'removed-early'], ['insert-chip-first', 'wipe-chip', 'swipe-instead']],
    ['chip-damaged', 'cardholder', 'never', ['chip-damaged', 'worn-contacts'], ['swipe-instead', 'other-card', 'call-issuer']],
    ['card-expired', 'cardholder', 'never', ['expired', 'not-yet-valid'], ['other-card', 'call-issuer']],
    ['card-blocked', 'bank', 'never', ['card-blocked', 'app-blocked'], ['call-issuer', 'other-card']],
    ['no-payment-app', 'cardholder', 'never', ['no-payment-app'], ['other-card', 'swipe-instead']],
  ]),
  // Any other reader failure (a PN532 or MSR605 that fails, a chip reader finding no rule above names).
  {
    id: 'reader-fault', device: 'reader', side: 'terminal', category: 'terminal', retry: 'after-fix', online: true,
    match: [{ finding: 'reader.', status: BAD }],
    steps: ['other-card-input', 'call-service'],
  },
  // printer
  {
    id: 'printer-paper', device: 'printer', side: 'terminal', category: 'terminal', retry: 'after-fix', online: false,
    match: [{ finding: 'printer.paper', status: BAD }],
    steps: ['load-paper'],
  },
  {
    id: 'printer-fault', device: 'printer', side: 'terminal', category: 'terminal', retry: 'after-fix', online: false,
    match: [{ finding: 'printer.', status: BAD }],
    steps: ['check-printer', 'call-service'],
  },
];

/** True when a finding id is covered by a rule's pattern (exact, or under a prefix ending in '.'). */
export function findingMatches(pattern: string, id: string): boolean {
  return pattern.endsWith('.') ? id.startsWith(pattern) : id === pattern;
}

/** True when a finding is one a rule's match entry counts: its id, its status and (if named) its message. */
export function matchesEntry(m: CauseRule['match'][number], f: Pick<Finding, 'id' | 'status' | 'message' | 'value'>): boolean {
  return (
    findingMatches(m.finding, f.id) &&
    m.status.includes(f.status) &&
    (!m.message || m.message.includes(f.message)) &&
    (!m.value || (typeof f.value === 'string' && m.value.includes(f.value)))
  );
}

/** Findings that say only "not configured here": a terminal without a modem is not a faulty one. */
export function isNotConfigured(findingId: string): boolean {
  return findingId.endsWith('.configured');
}

/**
 * Steps for codes whose hint asks for something the category alone does not say: a limit is met by
 * splitting the payment or paying another way (seed 003), not by re-checking the card.
 */
export const HINT_STEPS: Readonly<Record<string, readonly string[]>> = {
  'amount-over-card-limit': ['other-payment'],
  'frequency-limit': ['other-payment'],
  'exceeds-limit': ['other-payment', 'call-acquirer'],
};

/**
 * The catalog names the checks that can confirm a code; the modem is the network's first hop on a
 * cellular terminal, so a code that asks for the network check also asks about the modem.
 */
export function checkPosition(checks: readonly string[], device: CauseDevice): number {
  const own = checks.indexOf(device);
  if (device !== 'modem') return own;
  const net = checks.indexOf('network');
  return own < 0 ? net : net < 0 ? own : Math.min(own, net);
}
