/**
 * The causes a self-check can prove, as data declared by each device beside its module
 * (hal/<device>/causes.ts, the module's `causes`; the rule's shape is hal/cause-rule.ts).
 * src/diagnosis/diagnose.ts ranks them against the code.
 *
 * Within a device the rules are ordered from the most basic failure to the least: a modem that does not
 * answer explains everything after it, a missing SIM explains the missing registration, no signal
 * explains no data. Only the first rule that matches names the device's cause; later matches are
 * consequences and are listed as "also found" only when they are a different cause.
 */
import type { CauseRule as DeviceCause } from '../../hal/cause-rule';
import { DEVICE_CAUSES, DEVICE_IDS } from '../../hal/device-lists.generated';
import type { Finding } from '../../hal/selfcheck';

/** The devices of hal/devices.ts: a cause belongs to the module that declares it. */
export type CauseDevice = (typeof DEVICE_IDS)[number];
export type CauseRule = DeviceCause<CauseDevice>;

/**
 * Every module's rules, each device's in its own order, the devices in the modules' (report) order. Only
 * the order within a device means anything: diagnose.ts takes a device's rules by their device
 * (deviceCandidates) and ranks the devices' causes by strength, the code's check list and the order of
 * the results, never by where a device's rules sit in this list. The rules come through the build's list
 * (hal/device-lists.generated.ts, which imports each hal/<device>/causes.ts, pure data), so the diagnosis
 * loads none of the devices' checks.
 */
export const CAUSE_RULES: readonly CauseRule[] = DEVICE_IDS.flatMap((id) => DEVICE_CAUSES[id].map((rule) => ({ ...rule, device: id })));

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
