/**
 * What the technician menu says, per locale. Lines are short: a POS display is 32 columns wide
 * (16 Hanzi), so every text here, with its parameters filled in, fits one line (test/unit/menu/render.test.ts).
 * `{name}` is replaced by render.ts.
 */
import type { CheckStatus } from '../../hal/selfcheck';
import { localized, type Localized } from '../i18n/locale';

export const MENU_TEXTS = {
  title: localized('技术员菜单', '技術員選單', 'Technician menu'),
  pinPrompt: localized('请输入技术员密码', '請輸入技術員密碼', 'Enter technician PIN'),
  pinWrong: localized('密码错误，还可试{n}次', '密碼錯誤，還可試{n}次', 'Wrong PIN, {n} tries left'),
  pinShort: localized('密码为4至12位数字', '密碼為4至12位數字', 'PIN is 4 to 12 digits'),
  pinLocked: localized('已锁定，{s}秒后再试', '已鎖定，{s}秒後再試', 'Locked, try again in {s} s'),
  // The attempt count could not be saved (read-only or full storage, a lock another process keeps):
  // the PIN is not checked until it can be.
  pinUnavailable: localized('无法保存锁定状态，暂不能验证', '無法儲存鎖定狀態，暫不能驗證', 'PIN check unavailable (storage)'),
  pinChecking: localized('正在验证…', '正在驗證…', 'Checking…'),
  pinKeys: localized('确认键确认 取消键退出', '確認鍵確認 取消鍵退出', 'Enter: OK  Esc: exit'),
  item1: localized('1 全面自检', '1 全面自檢', '1 Full self-test'),
  item2: localized('2 无线模块和网络', '2 無線模組和網路', '2 Modem and network'),
  item3: localized('3 读卡器测试', '3 讀卡機測試', '3 Card reader test'),
  item4: localized('4 打印测试页', '4 列印測試頁', '4 Printer test page'),
  item5: localized('5 重打上一张单据', '5 重印上一張單據', '5 Reprint last slip'),
  item6: localized('6 查看日志', '6 查看日誌', '6 Journal'),
  item0: localized('0 退出', '0 退出', '0 Exit'),
  running: localized('检测中，请稍候', '檢測中，請稍候', 'Testing, please wait'),
  cancelHint: localized('取消键停止', '取消鍵停止', 'Esc: stop'),
  cancelling: localized('正在停止…', '正在停止…', 'Stopping…'),
  readerPrompt: localized('请在{s}秒内刷卡或挥卡', '請在{s}秒內刷卡或感應', 'Swipe or tap within {s} s'),
  working: localized('处理中，请稍候', '處理中，請稍候', 'Working, please wait'),
  back: localized('确认键返回', '確認鍵返回', 'Enter: back'),
  cancelled: localized('已取消', '已取消', 'Cancelled'),
  error: localized('出错：{m}', '出錯：{m}', 'Error: {m}'),
  reprintPrinted: localized('已重新打印', '已重新列印', 'Slip reprinted'),
  reprintQueued: localized('缺纸，装纸后自动打印', '缺紙，裝紙後自動列印', 'Prints once paper is in'),
  reprintNotPrinted: localized('未能打印', '未能列印', 'Not printed'),
  reprintNone: localized('没有可重打的单据', '沒有可重印的單據', 'No slip to reprint'),
  slipId: localized('单据号 {id}', '單據號 {id}', 'Slip {id}'),
  journalEmpty: localized('日志为空', '日誌為空', 'The journal is empty'),
  bye: localized('已退出技术员菜单', '已退出技術員選單', 'Technician menu closed'),
  byeIdle: localized('长时间无操作，已退出', '長時間無操作，已退出', 'Idle: menu closed'),
} satisfies Record<string, Localized>;

export type MenuText = keyof typeof MENU_TEXTS;

export const ITEM_TITLES = { selftest: 'item1', 'modem-network': 'item2', reader: 'item3', 'printer-page': 'item4', reprint: 'item5', journal: 'item6' } as const;

export const DEVICE_NAMES: Record<string, Localized> = {
  modem: localized('无线模块', '無線模組', 'Modem'),
  reader: localized('读卡器', '讀卡機', 'Reader'),
  printer: localized('打印机', '印表機', 'Printer'),
  network: localized('网络', '網路', 'Network'),
};

export const STATUS_WORDS: Record<CheckStatus | 'running', Localized> = {
  running: localized('检测中', '檢測中', 'testing'),
  pass: localized('正常', '正常', 'pass'),
  warn: localized('注意', '注意', 'warn'),
  fail: localized('故障', '故障', 'FAIL'),
  absent: localized('未连接', '未連接', 'absent'),
  timeout: localized('超时', '逾時', 'timeout'),
};
