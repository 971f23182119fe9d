/**
 * The slip's own words (headings, field names, check statuses) per locale. Texts that describe a
 * diagnosis (title, cause, next steps, check details) come in already rendered: the slip does not know
 * the catalog.
 */
import type { Locale } from '../i18n/locale';

export interface SlipLabels {
  heading: string;
  terminalId: string;
  merchantId: string;
  merchantName: string;
  time: string;
  card: string;
  amount: string;
  code: string;
  cause: string;
  checks: string;
  nextSteps: string;
  footer: string;
  status: Record<'pass' | 'warn' | 'fail' | 'absent' | 'timeout', string>;
  /** What each check line is about: a device, or the mobile signal (its own line, the hotline asks for it). */
  devices: Record<'modem' | 'signal' | 'reader' | 'printer' | 'network', string>;
  /** The line that says the checks found nothing wrong with the terminal. */
  terminalClear: string;
}

export const SLIP_LABELS: Record<Locale, SlipLabels> = {
  'zh-CN': {
    heading: '交易诊断单',
    terminalId: '终端号',
    merchantId: '商户号',
    merchantName: '商户名称',
    time: '时间',
    card: '卡号',
    amount: '金额',
    code: '响应码',
    cause: '原因',
    checks: '检查结果',
    nextSteps: '下一步',
    footer: '请保留此单，致电客服时报上响应码和时间',
    status: { pass: '正常', warn: '注意', fail: '故障', absent: '未连接', timeout: '无响应' },
    devices: { modem: '通讯模块', signal: '无线信号', reader: '读卡器', printer: '打印机', network: '收单主机连接' },
    terminalClear: '终端自检全部正常',
  },
  'zh-TW': {
    heading: '交易診斷單',
    terminalId: '終端機號',
    merchantId: '商店代號',
    merchantName: '商店名稱',
    time: '時間',
    card: '卡號',
    amount: '金額',
    code: '回應碼',
    cause: '原因',
    checks: '檢查結果',
    nextSteps: '下一步',
    footer: '請保留此單，致電客服時報上回應碼和時間',
    status: { pass: '正常', warn: '注意', fail: '故障', absent: '未連接', timeout: '無回應' },
    devices: { modem: '通訊模組', signal: '無線訊號', reader: '讀卡機', printer: '印表機', network: '收單主機連線' },
    terminalClear: '終端機自我檢測全部正常',
  },
  en: {
    heading: 'DIAGNOSTIC SLIP',
    terminalId: 'Terminal',
    merchantId: 'Merchant',
    merchantName: 'Name',
    time: 'Time',
    card: 'Card',
    amount: 'Amount',
    code: 'Code',
    cause: 'Cause',
    checks: 'Checks',
    nextSteps: 'Next steps',
    footer: 'Keep this slip; tell support the code and the time',
    status: { pass: 'OK', warn: 'CHECK', fail: 'FAULT', absent: 'NONE', timeout: 'NO REPLY' },
    devices: { modem: 'Modem', signal: 'Signal', reader: 'Card reader', printer: 'Printer', network: 'Host link' },
    terminalClear: 'Terminal self-test: all OK',
  },
};
