/**
 * Terminal-local failures: the terminal gave up before (or instead of) a host answer, so there is no field
 * 39. These are the cases where posdiag's own checks can confirm the cause (reference §1 tail and §5.9;
 * seeds 001, 003, 004). Ids are stable and namespaced (`local.*`); the short display code (`T01`…) is what
 * the cashier reads to the hotline. `texts` are the words terminals show, so `explain "NO COMMUNICATION"`
 * and `explain 交易终止` find the entry.
 */
import { row } from './row';
import type { CodeEntry, LocalCodeEntry } from './types';

/** A local failure: its id, display code and the words terminals show, then its row (columns as in row.ts). */
const local = (id: string, display: string, texts: readonly string[], entry: CodeEntry): LocalCodeEntry => ({ id, display, texts, ...entry });

export const LOCAL_CODES: readonly LocalCodeEntry[] = Object.freeze([
  local(
    'local.no-communication',
    'T01',
    ['NO COMMUNICATION', 'NO COMM', 'COMMUNICATION ERROR', 'COMM ERROR', '通讯失败', '通讯中断', '通讯异常', '無通訊', '通訊失敗'],
    row(
      'No link between the terminal and the host (power, cable, port or mobile signal)',
      'network',
      'after-fix',
      ['modem', 'network'],
      'error',
      'terminal',
      'no-communication',
      { sources: ['seed-001'] },
    ),
  ),
  local(
    'local.transaction-failed',
    'T02',
    ['TRANSACTION FAILED', 'TRANS FAILED', 'TXN FAILED', '交易失败', '交易失敗'],
    row(
      'Generic failure: card number, expiry or amount wrong; card frozen or cancelled; merchant account problem',
      'unknown',
      'after-fix',
      ['reader', 'params', 'journal'],
      'error',
      'unknown',
      'transaction-failed',
      { sources: ['seed-001', 'V1'] },
    ),
  ),
  local(
    'local.invalid-card',
    'T03',
    ['INVALID CARD', 'CARD INVALID', 'BAD CARD', '无效卡', '卡无效', '此卡无效', '無效卡', '卡片無效'],
    row(
      'Card rejected by the terminal: expired, damaged or altered card, worn stripe (or a failing reader)',
      'card',
      'after-fix',
      ['reader'],
      'error',
      'unknown',
      'invalid-card',
      { sources: ['seed-001'] },
    ),
  ),
  local(
    'local.exceeds-limit',
    'T04',
    ['TRANSACTION EXCEEDS LIMIT', 'EXCEEDS LIMIT', 'OVER LIMIT', 'AMOUNT EXCEEDS LIMIT', '超过限额', '金额超限', '交易金额超限', '超過限額', '金額超限'],
    row("Amount above the terminal's or merchant's single-transaction limit", 'config', 'after-fix', ['params'], 'warning', 'merchant', 'exceeds-limit', {
      sources: ['seed-001', 'seed-003'],
    }),
  ),
  local(
    'local.customer-not-registered',
    'T05',
    ['CUSTOMER NOT REGISTERED', 'NOT REGISTERED', '客户未登记', '客户未注册', '客戶未登記', '客戶未註冊'],
    row(
      'Cardholder not enrolled with this merchant (membership or programme payment)',
      'card',
      'after-fix',
      ['params'],
      'warning',
      'cardholder',
      'customer-not-registered',
      { sources: ['seed-001'] },
    ),
  ),
  local(
    'local.transaction-terminated',
    'T06',
    ['TRANSACTION TERMINATED', 'TRANS TERMINATED', '交易终止', '交易中止', '交易終止'],
    row(
      'Transaction stopped: unstable network, device fault, card problem, amount over limit, or host maintenance',
      'unknown',
      'after-fix',
      ['network', 'modem', 'reader', 'printer', 'params'],
      'error',
      'unknown',
      'transaction-terminated',
      { sources: ['seed-003'] },
    ),
  ),
  local(
    'local.user-exception',
    'T07',
    ['USER EXCEPTION', '用户异常', '用戶異常'],
    row(
      'Card inserted wrongly, damaged or expired, typed number differs from the card, or the network dropped',
      'card',
      'after-fix',
      ['reader', 'network', 'modem'],
      'warning',
      'unknown',
      'user-exception',
      { sources: ['seed-004'] },
    ),
  ),
  local(
    'local.no-reply',
    'T08',
    ['NO REPLY', 'NO RESPONSE', 'TIMEOUT', 'TIME OUT', 'RESPONSE TIMEOUT', '交易超时', '应答超时', '接收数据失败', '交易逾時', '回應逾時'],
    row(
      'Request sent, no reply before the deadline (a reversal is due before any retry)',
      'network',
      'after-fix',
      ['journal', 'network', 'modem'],
      'error',
      'unknown',
      'no-reply',
      { sources: ['QC', 'AV'] },
    ),
  ),
  local(
    'local.connect-failed',
    'T09',
    ['CONNECT FAILED', 'CONNECTION FAILED', 'CANNOT CONNECT', '连接失败', '连接主机失败', '连接服务器失败', '連線失敗'],
    row(
      'Could not open the connection to the host (link down, wrong address or port, host down)',
      'network',
      'after-fix',
      ['network', 'modem', 'params'],
      'error',
      'terminal',
      'connect-failed',
      { sources: ['AV'] },
    ),
  ),
  local(
    'local.reply-mac-error',
    'T10',
    ['MAC ERROR', 'REPLY MAC ERROR', 'RESPONSE MAC ERROR', '返回报文MAC校验错误', '应答MAC错', '回應MAC錯誤'],
    row(
      "The host's reply failed MAC verification (keys out of step; the terminal reverses the transaction)",
      'security',
      'after-fix',
      ['keys', 'journal'],
      'error',
      'terminal',
      'reply-mac-error',
      { sources: ['QC', 'AV'] },
    ),
  ),
  local(
    'local.reader-power-up',
    'T11',
    ['CARD POWER UP FAILED', 'POWER UP FAILED', 'IC CARD ERROR', 'IC卡上电错误', 'IC卡上电失败', '芯片卡上电失败', 'IC卡上電失敗'],
    row(
      'The chip did not answer power-up (card inserted wrongly, dirty chip, or a reader fault)',
      'terminal',
      'after-fix',
      ['reader'],
      'warning',
      'unknown',
      'reader-power-up',
      { sources: ['AV'] },
    ),
  ),
  local(
    'local.reversal-pending',
    'T12',
    ['REVERSAL PENDING', 'REVERSAL FAILED', '冲正失败', '冲正未完成', '有冲正', '沖正失敗', '沖正未完成'],
    row(
      'A reversal of an earlier transaction has not yet been accepted by the host',
      'terminal',
      'after-fix',
      ['journal', 'network'],
      'warning',
      'terminal',
      'reversal-pending',
      { sources: ['QC', 'AV'] },
    ),
  ),
  local(
    'local.printer-paper-out',
    'T13',
    ['PAPER OUT', 'OUT OF PAPER', 'NO PAPER', 'PRINTER OUT OF PAPER', '打印机缺纸', '缺纸', '印表機缺紙', '缺紙'],
    row(
      'Printer out of paper (the transaction result stands; the receipt needs reprinting)',
      'terminal',
      'after-fix',
      ['printer'],
      'warning',
      'terminal',
      'printer-paper-out',
      { sources: ['AV'] },
    ),
  ),
]);
