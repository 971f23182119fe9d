/**
 * Terminal-local failures: the terminal gave up before (or instead of) a host answer, so there is no field
 * 39. These are the cases where posdiag's own checks can confirm the cause (reference §1 tail and §5.9;
 * seeds 001, 003, 004). Ids are stable and namespaced (`local.*`); the short display code (`T01`…) is what
 * the cashier reads to the hotline. `texts` are the words terminals show, so `explain "NO COMMUNICATION"`
 * and `explain 交易终止` find the entry.
 */
import type { LocalCodeEntry } from './types';

export const LOCAL_CODES: readonly LocalCodeEntry[] = Object.freeze([
  {
    id: 'local.no-communication', display: 'T01',
    texts: ['NO COMMUNICATION', 'NO COMM', 'COMMUNICATION ERROR', 'COMM ERROR', '通讯失败', '通讯中断', '通讯异常', '無通訊', '通訊失敗'],
    meaning: 'No link between the terminal and the host (power, cable, port or mobile signal)',
    category: 'network', retry: 'after-fix', checks: ['modem', 'network'], severity: 'error', side: 'terminal', hint: 'no-communication',
    sources: ['seed-001'],
  },
  {
    id: 'local.transaction-failed', display: 'T02',
    texts: ['TRANSACTION FAILED', 'TRANS FAILED', 'TXN FAILED', '交易失败', '交易失敗'],
    meaning: 'Generic failure: card number, expiry or amount wrong; card frozen or cancelled; merchant account problem',
    category: 'unknown', retry: 'after-fix', checks: ['reader', 'params', 'journal'], severity: 'error', side: 'unknown', hint: 'transaction-failed',
    sources: ['seed-001', 'V1'],
  },
  {
    id: 'local.invalid-card', display: 'T03',
    texts: ['INVALID CARD', 'CARD INVALID', 'BAD CARD', '无效卡', '卡无效', '此卡无效', '無效卡', '卡片無效'],
    meaning: 'Card rejected by the terminal: expired, damaged or altered card, worn stripe (or a failing reader)',
    category: 'card', retry: 'after-fix', checks: ['reader'], severity: 'error', side: 'unknown', hint: 'invalid-card',
    sources: ['seed-001'],
  },
  {
    id: 'local.exceeds-limit', display: 'T04',
    texts: ['TRANSACTION EXCEEDS LIMIT', 'EXCEEDS LIMIT', 'OVER LIMIT', 'AMOUNT EXCEEDS LIMIT', '超过限额', '金额超限', '交易金额超限', '超過限額', '金額超限'],
    meaning: "Amount above the terminal's or merchant's single-transaction limit",
    category: 'config', retry: 'after-fix', checks: ['params'], severity: 'warning', side: 'merchant', hint: 'exceeds-limit',
    sources: ['seed-001', 'seed-003'],
  },
  {
    id: 'local.customer-not-registered', display: 'T05',
    texts: ['CUSTOMER NOT REGISTERED', 'NOT REGISTERED', '客户未登记', '客户未注册', '客戶未登記', '客戶未註冊'],
    meaning: 'Cardholder not enrolled with this merchant (membership or programme payment)',
    category: 'card', retry: 'after-fix', checks: ['params'], severity: 'warning', side: 'cardholder', hint: 'customer-not-registered',
    sources: ['seed-001'],
  },
  {
    id: 'local.transaction-terminated', display: 'T06',
    texts: ['TRANSACTION TERMINATED', 'TRANS TERMINATED', '交易终止', '交易中止', '交易終止'],
    meaning: 'Transaction stopped: unstable network, device fault, card problem, amount over limit, or host maintenance',
    category: 'unknown', retry: 'after-fix', checks: ['network', 'modem', 'reader', 'printer', 'params'], severity: 'error', side: 'unknown', hint: 'transaction-terminated',
    sources: ['seed-003'],
  },
  {
    id: 'local.user-exception', display: 'T07',
    texts: ['USER EXCEPTION', '用户异常', '用戶異常'],
    meaning: 'Card inserted wrongly, damaged or expired, typed number differs from the card, or the network dropped',
    category: 'card', retry: 'after-fix', checks: ['reader', 'network', 'modem'], severity: 'warning', side: 'unknown', hint: 'user-exception',
    sources: ['seed-004'],
  },
  {
    id: 'local.no-reply', display: 'T08',
    texts: ['NO REPLY', 'NO RESPONSE', 'TIMEOUT', 'TIME OUT', 'RESPONSE TIMEOUT', '交易超时', '应答超时', '接收数据失败', '交易逾時', '回應逾時'],
    meaning: 'Request sent, no reply before the deadline (a reversal is due before any retry)',
    category: 'network', retry: 'after-fix', checks: ['journal', 'network', 'modem'], severity: 'error', side: 'unknown', hint: 'no-reply',
    sources: ['QC', 'AV'],
  },
  {
    id: 'local.connect-failed', display: 'T09',
    texts: ['CONNECT FAILED', 'CONNECTION FAILED', 'CANNOT CONNECT', '连接失败', '连接主机失败', '连接服务器失败', '連線失敗'],
    meaning: 'Could not open the connection to the host (link down, wrong address or port, host down)',
    category: 'network', retry: 'after-fix', checks: ['network', 'modem', 'params'], severity: 'error', side: 'terminal', hint: 'connect-failed',
    sources: ['AV'],
  },
  {
    id: 'local.reply-mac-error', display: 'T10',
    texts: ['MAC ERROR', 'REPLY MAC ERROR', 'RESPONSE MAC ERROR', '返回报文MAC校验错误', '应答MAC错', '回應MAC錯誤'],
    meaning: "The host's reply failed MAC verification (keys out of step; the terminal reverses the transaction)",
    category: 'security', retry: 'after-fix', checks: ['keys', 'journal'], severity: 'error', side: 'terminal', hint: 'reply-mac-error',
    sources: ['QC', 'AV'],
  },
  {
    id: 'local.reader-power-up', display: 'T11',
    texts: ['CARD POWER UP FAILED', 'POWER UP FAILED', 'IC CARD ERROR', 'IC卡上电错误', 'IC卡上电失败', '芯片卡上电失败', 'IC卡上電失敗'],
    meaning: 'The chip did not answer power-up (card inserted wrongly, dirty chip, or a reader fault)',
    category: 'terminal', retry: 'after-fix', checks: ['reader'], severity: 'warning', side: 'unknown', hint: 'reader-power-up',
    sources: ['AV'],
  },
  {
    id: 'local.reversal-pending', display: 'T12',
    texts: ['REVERSAL PENDING', 'REVERSAL FAILED', '冲正失败', '冲正未完成', '有冲正', '沖正失敗', '沖正未完成'],
    meaning: 'A reversal of an earlier transaction has not yet been accepted by the host',
    category: 'terminal', retry: 'after-fix', checks: ['journal', 'network'], severity: 'warning', side: 'terminal', hint: 'reversal-pending',
    sources: ['QC', 'AV'],
  },
  {
    id: 'local.printer-paper-out', display: 'T13',
    texts: ['PAPER OUT', 'OUT OF PAPER', 'NO PAPER', 'PRINTER OUT OF PAPER', '打印机缺纸', '缺纸', '印表機缺紙', '缺紙'],
    meaning: 'Printer out of paper (the transaction result stands; the receipt needs reprinting)',
    category: 'terminal', retry: 'after-fix', checks: ['printer'], severity: 'warning', side: 'terminal', hint: 'printer-paper-out',
    sources: ['AV'],
  },
] satisfies LocalCodeEntry[]);
