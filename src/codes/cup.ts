/**
 * China UnionPay (CUP) response codes: the scheme most terminals in mainland China speak, and the base of
 * the Chinese acquirer profiles (Lakala inherits it). CUP follows ISO 8583:1987 but gives its own meaning to
 * several codes (05, 12, 21, 25, 45, 59), defines national/private ones (77, 79, 97, 98, 99) and adds
 * letter codes. Sources (reference/response-codes.md §0): QC (the CUP specification's table), V1/V3 (the
 * classic POS tables); where they disagree (§5.3) the row says which one it follows.
 *
 * Every code the reference gives a CUP meaning for is listed here, even where it restates ISO, so the
 * table says what CUP itself defines; codes CUP does not mention (08, 17, 18, 24, 26–29, 32, …) fall back
 * to ISO at lookup. Columns: meaning, category, retry, checks, severity, side, hint.
 */
import { ISO8583 } from './iso8583';
import { restate, row } from './row';
import type { CodeEntry, CodeTable } from './types';

const QC = ['QC'] as const;
const V1 = ['V1'] as const;
const QC_V1 = ['QC', 'V1'] as const;
const iso = (code: string, sources: readonly string[], changes: Partial<CodeEntry> = {}): CodeEntry => restate(ISO8583[code]!, sources, changes);

/** D1–D9, DA–DC and F1–F5: file-transfer and batch-file answers (wrong institution code, date, no such file…). */
function fileCodes(): Record<string, CodeEntry> {
  const out: Record<string, CodeEntry> = {};
  const ids = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'DA', 'DB', 'DC', 'F1', 'F2', 'F3', 'F4', 'F5'];
  for (const id of ids)
    out[id] = row('File-transfer or batch-file error (not a card transaction answer)', 'host', 'never', [], 'error', 'host', 'not-for-pos', { sources: QC });
  return out;
}

export const CUP: CodeTable = Object.freeze({
  '00': iso('00', QC),
  '01': iso('01', QC),
  '02': iso('02', V1),
  '03': iso('03', QC_V1, { meaning: 'Invalid merchant (MCC not allowed, merchant not registered or blacklisted)' }),
  '04': iso('04', QC),
  // QC reads 05 as cardholder verification failed; V1 as do-not-honour. QC is the newer text.
  '05': row('Cardholder verification failed', 'card', 'never', [], 'error', 'cardholder', 'verification-failed', { sources: QC }),
  '06': iso('06', V1),
  '07': iso('07', V1),
  '09': iso('09', V1),
  '10': iso('10', QC),
  '11': iso('11', QC),
  '12': row(
    'Invalid related transaction (void or reversal of an unapproved, other-day or unknown original)',
    'config',
    'never',
    ['journal'],
    'error',
    'merchant',
    'invalid-related',
    { sources: QC },
  ),
  '13': iso('13', QC_V1),
  '14': iso('14', QC_V1, { meaning: 'Invalid card number (no account, bad check digit, or card number misread)' }),
  '15': iso('15', QC),
  '16': iso('16', QC, { meaning: 'Approved, update track 3 (kept for compatibility)' }),
  '19': iso('19', V1),
  '20': iso('20', V1),
  '21': row('Card not activated, initial PIN not changed, or dormant', 'card', 'never', [], 'error', 'cardholder', 'card-not-activated', { sources: QC }),
  '22': iso('22', QC_V1, { meaning: 'Suspected malfunction: terminal state differs from the centre, or related transaction out of range' }),
  '23': iso('23', V1),
  '25': row('Original transaction not found', 'config', 'never', ['journal'], 'error', 'merchant', 'original-not-found', { sources: QC }),
  '30': iso('30', QC, { meaning: 'Message format error (missing field, bitmap, illegal characters, bad track data)' }),
  '31': iso('31', V1),
  '33': iso('33', V1),
  '34': iso('34', QC, { meaning: 'Suspected fraud (card verification tries exceeded, ARQC check failed), retain card' }),
  '35': iso('35', V1),
  '36': iso('36', V1),
  '37': iso('37', V1),
  '38': iso('38', QC),
  '39': iso('39', V1),
  '40': iso('40', QC),
  '41': iso('41', QC),
  '42': iso('42', V1),
  '43': iso('43', QC),
  '44': iso('44', V1),
  '45': row('Fallback refused: the issuer wants the chip read', 'card', 'after-fix', ['reader'], 'warning', 'merchant', 'use-chip', { sources: ['QC', 'V2'] }),
  '51': iso('51', QC),
  '52': iso('52', V1),
  '53': iso('53', V1),
  '54': iso('54', QC, { meaning: 'Expired card (wrong expiry, or expiry not sent)' }),
  '55': iso('55', QC_V1),
  '56': iso('56', V1),
  '57': iso('57', QC),
  '58': iso('58', QC_V1, { meaning: 'Transaction not permitted to terminal (terminal type barred, or terminal differs from the original)' }),
  '59': row('Card verification value check failed', 'card', 'never', [], 'error', 'cardholder', 'card-check-failed', { sources: QC }),
  '60': iso('60', V1),
  '61': iso('61', QC),
  '62': iso('62', QC),
  '63': iso('63', V1),
  '64': iso('64', QC),
  '65': iso('65', QC),
  '66': iso('66', V1),
  '67': iso('67', V1),
  '68': iso('68', QC, { meaning: 'Issuer answered too late (timeout at the switch)' }),
  '75': iso('75', QC),
  // Private use in ISO; V1 defines these two for POS.
  '77': row('Sign on again: terminal batch differs from the centre', 'config', 'after-fix', ['keys', 'journal'], 'warning', 'terminal', 'sign-on-batch', {
    sources: V1,
  }),
  '79': row('Offline transactions do not reconcile: upload them again', 'config', 'after-fix', ['journal'], 'warning', 'terminal', 'offline-upload', {
    sources: V1,
  }),
  '90': iso('90', QC, { meaning: 'End-of-day cutover in progress' }),
  '91': iso('91', QC, { meaning: 'Issuer not available (signed off, line fault or timeout)' }),
  '92': iso('92', QC, { meaning: 'Issuer line not available (no route to the institution)' }),
  '93': iso('93', V1),
  '94': iso('94', QC_V1, { meaning: 'Duplicate transaction (duplicate original or repeated trace number)' }),
  '95': iso('95', V1),
  '96': iso('96', ['QC', 'V3'], { meaning: 'UnionPay switch system malfunction' }),
  // National use in ISO; CUP's own meanings (reference §5.1).
  '97': row('Terminal not registered at the switch', 'config', 'never', ['params'], 'critical', 'terminal', 'terminal-not-registered', {
    sources: ['QC', 'V1', 'V3'],
  }),
  '98': row('Switch received no answer from the issuer', 'issuer', 'after-fix', ['journal', 'network'], 'warning', 'bank', 'issuer-timeout', {
    sources: QC_V1,
  }),
  '99': row('PIN block format error: sign on for new PIN key', 'security', 'after-fix', ['keys'], 'error', 'terminal', 'pin-format', { sources: QC_V1 }),
  // Letter codes.
  A0: row('MAC verification failed: sign on for new MAC key', 'security', 'after-fix', ['keys'], 'error', 'terminal', 'mac-error', { sources: QC_V1 }),
  A1: row('Transfer currency mismatch', 'card', 'never', [], 'error', 'bank', 'currency-mismatch', { sources: QC }),
  A2: row('Approved with a defect: confirm with the receiving bank', 'approved', 'n/a', [], 'info', 'none', 'approved-confirm-transfer', { sources: QC }),
  A3: row('No such account at the receiving bank', 'card', 'never', [], 'error', 'cardholder', 'no-account', { sources: QC }),
  A4: row('Approved with a defect: confirm with the receiving bank', 'approved', 'n/a', [], 'info', 'none', 'approved-confirm-transfer', { sources: QC }),
  A5: row('Approved with a defect: confirm with the receiving bank', 'approved', 'n/a', [], 'info', 'none', 'approved-confirm-transfer', { sources: QC }),
  A6: row('Approved with a defect: confirm with the receiving bank', 'approved', 'n/a', [], 'info', 'none', 'approved-confirm-transfer', { sources: QC }),
  A7: row(
    'Security processing failed at the host (MAC/PIN verification, key handling, ARPC)',
    'security',
    'after-fix',
    ['keys'],
    'error',
    'host',
    'security-processing',
    { sources: QC },
  ),
  A8: row("Transfer card's home-region data missing", 'issuer', 'never', [], 'error', 'bank', 'account-info-needed', { sources: QC }),
  B1: row('Nothing due (fee inquiry; no receipt printed)', 'approved', 'n/a', [], 'info', 'none', 'nothing-due', { sources: QC }),
  C1: row('Acquirer state not valid (acquirer signed off)', 'config', 'later', ['keys', 'params'], 'warning', 'host', 'acquirer-signed-off', { sources: QC }),
  N1: row('Unposted passbook entries over the limit', 'issuer', 'never', [], 'error', 'bank', 'account-info-needed', { sources: QC }),
  P1: row('No mobile number on file with the issuer', 'issuer', 'never', [], 'error', 'bank', 'account-info-needed', { sources: QC }),
  Y1: row('IC card approved offline', 'approved', 'n/a', [], 'info', 'none', 'approved-offline', { sources: QC }),
  Y3: row(
    'IC card approved offline: terminal could not go online',
    'approved',
    'n/a',
    ['network', 'modem'],
    'warning',
    'terminal',
    'approved-offline-no-link',
    { sources: QC },
  ),
  Z1: row('IC card declined offline', 'card', 'never', [], 'error', 'bank', 'declined-offline', { sources: QC }),
  Z3: row(
    'IC card declined offline: terminal could not go online',
    'network',
    'after-fix',
    ['network', 'modem'],
    'error',
    'terminal',
    'declined-offline-no-link',
    { sources: QC },
  ),
  ...fileCodes(),
});
