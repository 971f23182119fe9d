/**
 * What the printer's findings say, per locale. Keys are the `message` of hal/printer/check.ts findings;
 * `{name}` is replaced by the finding's params. Wording is for the cashier first: what to do, calmly.
 */
import { localized } from '../locale';
import type { CheckMessages } from './types';

export const PRINTER_MESSAGES: CheckMessages = {
  'check.printer.link.ok': localized('打印机通信正常', '印表機通訊正常', 'Printer is answering'),
  'check.printer.no-reply': localized(
    '打印机无响应，请重启终端；仍无响应请联系客服',
    '印表機沒有回應，請重新啟動終端機；仍無回應請聯絡客服',
    'Printer does not answer; restart the terminal, and call support if it still does not',
  ),
  'check.printer.unplugged': localized('打印机连接中断，请检查打印机连接', '印表機連線中斷，請檢查印表機連接', 'Printer disconnected; check its connection'),
  'check.printer.not-found': localized('找不到打印机（{path}），请联系客服', '找不到印表機（{path}），請聯絡客服', 'Printer not found ({path}); call support'),
  'check.printer.busy': localized(
    '打印机正被其他程序占用，请关闭其他应用后重试',
    '印表機正被其他程式佔用，請關閉其他應用程式後重試',
    'Printer is in use by another program; close other apps and try again',
  ),
  'check.printer.error': localized('打印机出错（{error}），请联系客服', '印表機出錯（{error}），請聯絡客服', 'Printer error ({error}); call support'),
  'check.printer.offline': localized('打印机离线，请检查打印机后重试', '印表機離線，請檢查印表機後重試', 'Printer is offline; check the printer and try again'),
  'check.printer.paper.ok': localized('打印纸正常', '列印紙正常', 'Paper loaded'),
  'check.printer.paper.near-end': localized('打印纸快用完了，请准备新纸卷', '列印紙快用完了，請準備新紙捲', 'Paper is running low; have a new roll ready'),
  'check.printer.paper.out': localized(
    '打印机缺纸，请装入新纸卷，凭条会自动补打',
    '印表機缺紙，請裝入新紙捲，單據會自動補印',
    'Printer is out of paper; load a new roll and the slip will print',
  ),
  'check.printer.cover.ok': localized('打印机仓盖已关好', '印表機蓋已關好', 'Printer cover closed'),
  'check.printer.cover.open': localized('打印机仓盖未关好，请合上仓盖', '印表機蓋未關好，請蓋上印表機蓋', 'Printer cover is open; close it'),
  'check.printer.cutter.ok': localized('切纸刀正常', '切紙刀正常', 'Cutter working'),
  'check.printer.cutter.error': localized(
    '切纸刀故障，请打开仓盖取出卡纸；仍无法使用请联系客服',
    '切紙刀故障，請打開印表機蓋取出卡紙；仍無法使用請聯絡客服',
    'Cutter fault; open the cover and clear any jammed paper, call support if it persists',
  ),
  'check.printer.head.ok': localized('打印头温度正常', '列印頭溫度正常', 'Print head temperature normal'),
  'check.printer.head.overheat': localized(
    '打印头过热，请稍等几分钟再打印',
    '列印頭過熱，請稍候幾分鐘再列印',
    'Print head is too hot; wait a few minutes before printing',
  ),
  'check.printer.error.unrecoverable': localized(
    '打印机故障，无法自行恢复，请联系客服',
    '印表機故障，無法自行恢復，請聯絡客服',
    'Printer fault that will not clear by itself; call support',
  ),
  'check.printer.error.mechanical': localized(
    '打印机机械故障，请检查是否卡纸后重试',
    '印表機機械故障，請檢查是否卡紙後重試',
    'Printer mechanism fault; check for jammed paper and try again',
  ),
  'check.printer.test-page.printed': localized(
    '测试页已打印，请检查字迹是否清晰',
    '測試頁已列印，請檢查字跡是否清晰',
    'Test page printed; check that it is clear',
  ),
  'check.printer.test-page.not-printed': localized('测试页未能打印（{reason}）', '測試頁未能列印（{reason}）', 'Test page did not print ({reason})'),
  'check.printer.test-page.skipped': localized('打印机未就绪，未打印测试页', '印表機未就緒，未列印測試頁', 'Printer not ready; test page not printed'),
};
