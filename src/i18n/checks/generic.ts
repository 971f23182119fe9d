/**
 * Finding messages the self-check runner itself emits (hal/selfcheck.ts): a device that ran out of its
 * budget, and a check that threw. `check.error.<code>` covers every HalError code, so a check that fails
 * with a typed error still reads as a sentence; a code added to hal/errors.ts without a message here fails
 * test/unit/i18n/catalogs.test.ts (at run time it falls back to `check.error.unexpected`).
 * `{error}` is the error's English message, for the technician.
 */
import type { HalErrorCode } from '../../../hal/errors';
import { localized } from '../locale';
import type { CheckMessages } from './types';

const err = (zhCN: string, zhTW: string, en: string) => localized(`${zhCN}：{error}`, `${zhTW}：{error}`, `${en}: {error}`);

// Partial so that a code appended to hal/errors.ts does not break the build of every other file; the
// catalog test names the missing code instead.
const ERRORS: Partial<Record<HalErrorCode, CheckMessages[string]>> = {
  Transport_NotFound: err('找不到设备', '找不到裝置', 'Device not found'),
  Transport_Busy: err('设备被占用', '裝置被占用', 'Device busy'),
  Transport_PermissionDenied: err('无权打开设备', '無權開啟裝置', 'No permission to open the device'),
  Transport_Timeout: err('设备无应答', '裝置無回應', 'Device did not answer'),
  Transport_Disconnected: err('设备已断开', '裝置已斷開', 'Device disconnected'),
  Transport_Garbled: err('设备回复无法识别', '裝置回覆無法識別', 'Unreadable reply from the device'),
  Transport_Overflow: err('设备数据过多', '裝置資料過多', 'Too much data from the device'),
  Transport_Closed: err('串口已关闭', '序列埠已關閉', 'Serial line closed'),
  Transport_OpenFailed: err('无法打开设备', '無法開啟裝置', 'Cannot open the device'),
  Transport_Busy_Request: err('设备正忙于上一请求', '裝置正忙於上一請求', 'Device busy with a previous request'),
  Modem_AtError: err('无线模块返回错误', '無線模組回傳錯誤', 'Modem returned an error'),
  Modem_Gone: err('无线模块已无响应', '無線模組已無回應', 'Modem stopped responding'),
  Modem_NoReply: err('无线模块无应答', '無線模組無回應', 'Modem does not answer'),
  Modem_Garbled: err('无线模块回复无法识别', '無線模組回覆無法識別', 'Unreadable reply from the modem'),
  Reader_Nack: err('读卡器拒绝命令', '讀卡機拒絕指令', 'Card reader refused the command'),
  Reader_Checksum: err('读卡器数据校验错', '讀卡機資料檢查碼錯誤', 'Card reader checksum error'),
  Reader_Status: err('读卡器状态异常', '讀卡機狀態異常', 'Card reader reported a fault'),
  Printer_Offline: err('打印机离线', '印表機離線', 'Printer offline'),
  Printer_PaperOut: err('打印机缺纸', '印表機缺紙', 'Printer out of paper'),
  Printer_NoGb18030: err('本机Node.js不支持中文打印编码GB18030', '本機Node.js不支援中文列印編碼GB18030', 'This Node.js cannot encode Chinese for the printer (GB18030)'),
  Host_Refused: err('主机拒绝连接', '主機拒絕連線', 'Host refused the connection'),
  Host_Timeout: err('主机应答超时', '主機回應逾時', 'Host timed out'),
  Host_Reset: err('主机连接被重置', '主機連線被重設', 'Host reset the connection'),
  Host_Unreachable: err('主机不可达', '無法連上主機', 'Host unreachable'),
  Host_Dns: err('主机域名解析失败', '主機網域名稱解析失敗', 'Host name lookup failed'),
  Host_BadReply: err('主机回复无效', '主機回覆無效', 'Invalid reply from the host'),
  Config_Invalid: err('配置有误', '設定有誤', 'Configuration error'),
  Usage_Invalid: err('用法有误', '用法有誤', 'Usage error'),
  Output_WriteFailed: err('无法写入输出文件', '無法寫入輸出檔案', 'Could not write the output file'),
};

export const GENERIC_CHECK_MESSAGES: CheckMessages = {
  'check.budget-spent': localized(
    '检测超时（限时{budgetMs:number}毫秒）',
    '檢測逾時（限時{budgetMs:number}毫秒）',
    'Check ran out of time ({budgetMs:number} ms)',
  ),
  'check.error.unexpected': localized('检测出错：{error}', '檢測出錯：{error}', 'Check failed: {error}'),
  ...Object.fromEntries(Object.entries(ERRORS).map(([code, text]) => [`check.error.${code}`, text])),
};
