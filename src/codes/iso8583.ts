/**
 * ISO 8583:1987 field 39 (response code), 00–99, in our own words. The base every acquirer profile falls
 * back to. Ranges ISO leaves without meaning are present and marked `reserved`: 45–50 and 69–74 (ISO use),
 * 76–89 (private use), 97–99 (national use). Those ranges are inferred from the gateway tables
 * (reference/response-codes.md §5.8), not from the ISO text itself.
 *
 * Category, retry and self-checks follow the derived columns of reference/response-codes.md §1; where a
 * seed scenario tells merchants to check something (96), the checks follow the seed.
 * Columns: meaning, category, retry, checks, severity, side, hint.
 */
import { reserved, row } from './row';
import type { CodeEntry, CodeTable } from './types';

const S = { sources: ['AM'] } as const;
const PICK_UP = { sources: ['AM'], retainCard: true } as const;

const defined: Record<string, CodeEntry> = {
  '00': row('Approved or completed successfully', 'approved', 'n/a', [], 'info', 'none', 'approved', S),
  '01': row('Refer to card issuer', 'issuer', 'never', [], 'error', 'bank', 'call-issuer', S),
  '02': row("Refer to card issuer's special conditions", 'issuer', 'never', [], 'error', 'bank', 'call-issuer', S),
  '03': row('Invalid merchant', 'config', 'never', ['params'], 'critical', 'merchant', 'invalid-merchant', S),
  '04': row('Pick up card', 'card', 'never', [], 'critical', 'bank', 'retain-card', PICK_UP),
  '05': row('Do not honour', 'issuer', 'never', [], 'error', 'bank', 'issuer-declined', S),
  '06': row('Error', 'issuer', 'later', [], 'error', 'bank', 'issuer-error', S),
  '07': row('Pick up card, special condition', 'card', 'never', [], 'critical', 'bank', 'retain-card', PICK_UP),
  '08': row('Honour with identification', 'approved', 'n/a', [], 'info', 'none', 'approved-with-id', S),
  '09': row('Request in progress', 'host', 'now', ['journal'], 'warning', 'host', 'in-progress', S),
  '10': row('Approved for partial amount', 'approved', 'n/a', [], 'info', 'none', 'approved-partial', S),
  '11': row('Approved (VIP)', 'approved', 'n/a', [], 'info', 'none', 'approved', S),
  '12': row('Invalid transaction', 'config', 'never', ['journal', 'params'], 'error', 'merchant', 'invalid-transaction', S),
  '13': row('Invalid amount', 'card', 'after-fix', [], 'error', 'merchant', 'invalid-amount', S),
  '14': row('Invalid card number (no such number)', 'card', 'after-fix', ['reader'], 'error', 'cardholder', 'invalid-card-number', S),
  '15': row('No such issuer', 'card', 'never', [], 'error', 'cardholder', 'card-not-accepted', S),
  '16': row('Approved, update track 3', 'approved', 'n/a', [], 'info', 'none', 'approved', S),
  '17': row('Customer cancellation', 'host', 'never', [], 'warning', 'none', 'cancelled', S),
  '18': row('Customer dispute', 'host', 'never', [], 'error', 'unknown', 'declined-quiet', S),
  '19': row('Re-enter transaction', 'card', 'after-fix', ['reader'], 'warning', 'unknown', 're-enter', S),
  '20': row('Invalid response', 'host', 'later', [], 'error', 'host', 'invalid-response', S),
  '21': row('No action taken', 'host', 'never', [], 'error', 'unknown', 'declined-quiet', S),
  '22': row('Suspected malfunction', 'config', 'after-fix', ['keys', 'journal'], 'warning', 'terminal', 'sign-on', S),
  '23': row('Unacceptable transaction fee', 'issuer', 'never', [], 'error', 'bank', 'fee-declined', S),
  '24': row('File update not supported by receiver', 'host', 'never', [], 'error', 'host', 'not-for-pos', S),
  '25': row('Unable to locate record on file', 'host', 'never', ['journal'], 'error', 'host', 'not-for-pos', S),
  '26': row('Duplicate file update record', 'host', 'never', [], 'error', 'host', 'not-for-pos', S),
  '27': row('File update field edit error', 'host', 'never', [], 'error', 'host', 'not-for-pos', S),
  '28': row('File update file locked out', 'host', 'never', [], 'error', 'host', 'not-for-pos', S),
  '29': row('File update not successful, contact acquirer', 'host', 'never', [], 'error', 'host', 'not-for-pos', S),
  '30': row('Format error', 'config', 'now', ['reader', 'params'], 'error', 'terminal', 'format-error', S),
  '31': row('Bank not supported by switch', 'card', 'never', [], 'error', 'cardholder', 'card-not-accepted', S),
  '32': row('Completed partially', 'host', 'never', [], 'warning', 'host', 'not-for-pos', S),
  '33': row('Expired card, pick up', 'card', 'never', [], 'error', 'cardholder', 'expired-card', S),
  '34': row('Suspected fraud, pick up', 'card', 'never', [], 'critical', 'bank', 'retain-card', PICK_UP),
  '35': row('Card acceptor contact acquirer, pick up', 'card', 'never', [], 'critical', 'bank', 'retain-card', PICK_UP),
  '36': row('Restricted card, pick up', 'card', 'never', [], 'critical', 'bank', 'retain-card', PICK_UP),
  '37': row("Card acceptor call acquirer's security department, pick up", 'card', 'never', [], 'critical', 'bank', 'retain-card', PICK_UP),
  '38': row('Allowable PIN tries exceeded, pick up', 'card', 'never', [], 'error', 'cardholder', 'pin-tries-exceeded', S),
  '39': row('No credit account', 'card', 'never', ['reader'], 'error', 'cardholder', 'no-account', S),
  '40': row('Requested function not supported', 'issuer', 'never', [], 'error', 'bank', 'not-supported', S),
  '41': row('Lost card, pick up', 'card', 'never', [], 'critical', 'bank', 'retain-card', PICK_UP),
  '42': row('No universal account', 'card', 'never', [], 'error', 'cardholder', 'no-account', S),
  '43': row('Stolen card, pick up', 'card', 'never', [], 'critical', 'bank', 'retain-card', PICK_UP),
  '44': row('No investment account', 'card', 'never', ['reader'], 'error', 'cardholder', 'no-account', S),
  '51': row('Not sufficient funds', 'card', 'never', [], 'error', 'cardholder', 'insufficient-funds', S),
  '52': row('No chequing account', 'card', 'never', [], 'error', 'cardholder', 'no-account', S),
  '53': row('No savings account', 'card', 'never', [], 'error', 'cardholder', 'no-account', S),
  '54': row('Expired card', 'card', 'never', ['reader'], 'error', 'cardholder', 'expired-card', S),
  '55': row('Incorrect PIN', 'card', 'after-fix', ['keys'], 'warning', 'cardholder', 'wrong-pin', S),
  '56': row('No card record', 'card', 'never', [], 'error', 'cardholder', 'no-account', S),
  '57': row('Transaction not permitted to cardholder', 'card', 'never', [], 'error', 'bank', 'not-permitted-card', S),
  '58': row('Transaction not permitted to terminal', 'config', 'never', ['params'], 'error', 'merchant', 'not-permitted-terminal', S),
  '59': row('Suspected fraud', 'card', 'never', [], 'error', 'bank', 'declined-quiet', S),
  '60': row('Card acceptor contact acquirer', 'config', 'never', ['params'], 'error', 'merchant', 'contact-acquirer', S),
  '61': row('Exceeds withdrawal amount limit', 'card', 'never', [], 'error', 'cardholder', 'amount-over-card-limit', S),
  '62': row('Restricted card', 'card', 'never', [], 'error', 'bank', 'restricted-card', S),
  '63': row('Security violation', 'security', 'never', ['keys'], 'critical', 'unknown', 'security-violation', S),
  '64': row('Original amount incorrect', 'config', 'never', ['journal'], 'error', 'merchant', 'original-mismatch', S),
  '65': row('Exceeds withdrawal frequency limit', 'card', 'never', [], 'error', 'cardholder', 'frequency-limit', S),
  '66': row("Card acceptor call acquirer's security department", 'config', 'never', ['params'], 'critical', 'merchant', 'contact-acquirer', S),
  '67': row('Hard capture (card retained at ATM)', 'card', 'never', [], 'critical', 'bank', 'retain-card', PICK_UP),
  '68': row('Response received too late', 'network', 'after-fix', ['journal', 'network'], 'warning', 'bank', 'issuer-timeout', S),
  '75': row('Allowable number of PIN tries exceeded', 'card', 'never', [], 'error', 'cardholder', 'pin-tries-exceeded', S),
  '90': row('Cutoff in progress, resend in a few minutes', 'host', 'later', [], 'warning', 'host', 'cutoff', S),
  '91': row('Issuer or switch inoperative', 'issuer', 'later', [], 'warning', 'bank', 'issuer-unavailable', S),
  '92': row('Institution or network facility cannot be found for routing', 'host', 'later', [], 'warning', 'host', 'routing-unavailable', S),
  '93': row('Transaction cannot be completed, violation of law', 'issuer', 'never', [], 'error', 'bank', 'declined-quiet', S),
  '94': row('Duplicate transmission', 'config', 'after-fix', ['journal'], 'warning', 'terminal', 'duplicate', S),
  '95': row('Reconcile error', 'host', 'later', ['journal'], 'warning', 'host', 'reconcile-error', S),
  // The seeds (000, 002) tell merchants to check the card, the terminal's parts and the network for 96;
  // a local check can rule the terminal out, which is what the cashier needs to hear.
  '96': row('System malfunction', 'host', 'later', ['network', 'modem', 'reader', 'printer'], 'warning', 'host', 'system-malfunction', S),
};

function fill(from: number, to: number, meaning: string): Record<string, CodeEntry> {
  const out: Record<string, CodeEntry> = {};
  for (let n = from; n <= to; n++) out[String(n).padStart(2, '0')] = reserved(meaning);
  return out;
}

export const ISO8583: CodeTable = Object.freeze({
  ...defined,
  ...fill(45, 50, 'Reserved for ISO use'),
  ...fill(69, 74, 'Reserved for ISO use'),
  ...fill(76, 89, 'Reserved for private use'),
  ...fill(97, 99, 'Reserved for national use'),
});
