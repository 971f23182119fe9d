/**
 * What the technician menu says, per locale. Lines are short: a POS display is 32 columns wide
 * (16 Hanzi), so every text here, with its parameters filled in, fits one line (test/unit/menu/render.test.ts).
 * `{name}` is replaced by render.ts.
 */
import type { CheckStatus } from '../../hal/selfcheck';
import type { Localized } from '../i18n/locale';

export const MENU_TEXTS = {
  title: { 'zh-CN': '技术员菜单', 'zh-TW': '技術員選單', en: 'Technician menu' },
  pinPrompt: { 'zh-CN': '请输入技术员密码', 'zh-TW': '請輸入技術員密碼', en: 'Enter technician PIN' },
  pinWrong: { 'zh-CN': '密码错误，还可试{n}次', 'zh-TW': '密碼錯誤，還可試{n}次', en: 'Wrong PIN, {n} tries left' },
  pinShort: { 'zh-CN': '密码为4至12位数字', 'zh-TW': '密碼為4至12位數字', en: 'PIN is 4 to 12 digits' },
  pinLocked: { 'zh-CN': '已锁定，{s}秒后再试', 'zh-TW': '已鎖定，{s}秒後再試', en: 'Locked, try again in {s} s' },
  // The attempt count could not be saved (read-only or full storage, a lock another process keeps):
  // the PIN is not checked until it can be.
  pinUnavailable: { 'zh-CN': '无法保存锁定状态，暂不能验证', 'zh-TW': '無法儲存鎖定狀態，暫不能驗證', en: 'PIN check unavailable (storage)' },
  pinChecking: { 'zh-CN': '正在验证…', 'zh-TW': '正在驗證…', en: 'Checking…' },
  pinKeys: { 'zh-CN': '确认键确认 取消键退出', 'zh-TW': '確認鍵確認 取消鍵退出', en: 'Enter: OK  Esc: exit' },
  item1: { 'zh-CN': '1 全面自检', 'zh-TW': '1 全面自檢', en: '1 Full self-test' },
  item2: { 'zh-CN': '2 无线模块和网络', 'zh-TW': '2 無線模組和網路', en: '2 Modem and network' },
  item3: { 'zh-CN': '3 读卡器测试', 'zh-TW': '3 讀卡機測試', en: '3 Card reader test' },
  item4: { 'zh-CN': '4 打印测试页', 'zh-TW': '4 列印測試頁', en: '4 Printer test page' },
  item5: { 'zh-CN': '5 重打上一张单据', 'zh-TW': '5 重印上一張單據', en: '5 Reprint last slip' },
  item6: { 'zh-CN': '6 查看日志', 'zh-TW': '6 查看日誌', en: '6 Journal' },
  item0: { 'zh-CN': '0 退出', 'zh-TW': '0 退出', en: '0 Exit' },
  running: { 'zh-CN': '检测中，请稍候', 'zh-TW': '檢測中，請稍候', en: 'Testing, please wait' },
  cancelHint: { 'zh-CN': '取消键停止', 'zh-TW': '取消鍵停止', en: 'Esc: stop' },
  cancelling: { 'zh-CN': '正在停止…', 'zh-TW': '正在停止…', en: 'Stopping…' },
  readerPrompt: { 'zh-CN': '请在{s}秒内刷卡或挥卡', 'zh-TW': '請在{s}秒內刷卡或感應', en: 'Swipe or tap within {s} s' },
  working: { 'zh-CN': '处理中，请稍候', 'zh-TW': '處理中，請稍候', en: 'Working, please wait' },
  back: { 'zh-CN': '确认键返回', 'zh-TW': '確認鍵返回', en: 'Enter: back' },
  cancelled: { 'zh-CN': '已取消', 'zh-TW': '已取消', en: 'Cancelled' },
  error: { 'zh-CN': '出错：{m}', 'zh-TW': '出錯：{m}', en: 'Error: {m}' },
  reprintPrinted: { 'zh-CN': '已重新打印', 'zh-TW': '已重新列印', en: 'Slip reprinted' },
  reprintQueued: { 'zh-CN': '缺纸，装纸后自动打印', 'zh-TW': '缺紙，裝紙後自動列印', en: 'Prints once paper is in' },
  reprintNotPrinted: { 'zh-CN': '未能打印', 'zh-TW': '未能列印', en: 'Not printed' },
  reprintNone: { 'zh-CN': '没有可重打的单据', 'zh-TW': '沒有可重印的單據', en: 'No slip to reprint' },
  slipId: { 'zh-CN': '单据号 {id}', 'zh-TW': '單據號 {id}', en: 'Slip {id}' },
  journalEmpty: { 'zh-CN': '日志为空', 'zh-TW': '日誌為空', en: 'The journal is empty' },
  bye: { 'zh-CN': '已退出技术员菜单', 'zh-TW': '已退出技術員選單', en: 'Technician menu closed' },
  byeIdle: { 'zh-CN': '长时间无操作，已退出', 'zh-TW': '長時間無操作，已退出', en: 'Idle: menu closed' },
} satisfies Record<string, Localized>;

export type MenuText = keyof typeof MENU_TEXTS;

export const ITEM_TITLES = { selftest: 'item1', 'modem-network': 'item2', reader: 'item3', 'printer-page': 'item4', reprint: 'item5', journal: 'item6' } as const;

export const DEVICE_NAMES: Record<string, Localized> = {
  modem: { 'zh-CN': '无线模块', 'zh-TW': '無線模組', en: 'Modem' },
  reader: { 'zh-CN': '读卡器', 'zh-TW': '讀卡機', en: 'Reader' },
  printer: { 'zh-CN': '打印机', 'zh-TW': '印表機', en: 'Printer' },
  network: { 'zh-CN': '网络', 'zh-TW': '網路', en: 'Network' },
};

export const STATUS_WORDS: Record<CheckStatus | 'running', Localized> = {
  running: { 'zh-CN': '检测中', 'zh-TW': '檢測中', en: 'testing' },
  pass: { 'zh-CN': '正常', 'zh-TW': '正常', en: 'pass' },
  warn: { 'zh-CN': '注意', 'zh-TW': '注意', en: 'warn' },
  fail: { 'zh-CN': '故障', 'zh-TW': '故障', en: 'FAIL' },
  absent: { 'zh-CN': '未连接', 'zh-TW': '未連接', en: 'absent' },
  timeout: { 'zh-CN': '超时', 'zh-TW': '逾時', en: 'timeout' },
};
