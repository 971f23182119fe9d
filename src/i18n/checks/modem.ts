/**
 * What the modem's findings say, per locale. Keys are the `message` of hal/modem/check.ts findings
 * (and hal/modem/assess.ts); `{name}` is replaced by the finding's params, `[[…]]` is dropped when a
 * parameter inside it is missing (src/i18n/format.ts). Identifiers are forced to text so that an
 * ICCID or a cell id is never printed with thousands separators.
 */
import { localized } from '../locale';
import type { CheckMessages } from './types';

export const MODEM_MESSAGES: CheckMessages = {
  // --- the port and the first AT ---
  'check.modem.port.not-found': localized(
    '找不到无线模块（{path}），请联系客服',
    '找不到無線模組（{path}），請聯絡客服',
    'Modem not found ({path}); call support',
  ),
  'check.modem.port.busy': localized(
    '无线模块正被其他程序占用，请重启终端后重试',
    '無線模組正被其他程式佔用，請重新啟動終端機後重試',
    'The modem is in use by another program; restart the terminal and try again',
  ),
  'check.modem.port.permission': localized(
    '没有权限访问无线模块（{path}），请联系客服',
    '沒有權限存取無線模組（{path}），請聯絡客服',
    'No permission to open the modem ({path}); call support',
  ),
  'check.modem.port.open-failed': localized(
    '无法打开无线模块，请重启终端；仍不行请联系客服',
    '無法開啟無線模組，請重新啟動終端機；仍不行請聯絡客服',
    'The modem could not be opened; restart the terminal, and call support if that does not help',
  ),
  'check.modem.probe.ok': localized('无线模块响应正常', '無線模組回應正常', 'The modem is answering'),
  'check.modem.probe.no-reply': localized(
    '无线模块无响应（试了 {tries} 次），请重启终端；仍无响应请联系客服',
    '無線模組沒有回應（試了 {tries} 次），請重新啟動終端機；仍無回應請聯絡客服',
    'The modem does not answer ({tries} tries); restart the terminal, and call support if it still does not',
  ),
  'check.modem.probe.garbled': localized(
    '无线模块返回乱码，连接设置可能有误，请联系客服',
    '無線模組回傳亂碼，連線設定可能有誤，請聯絡客服',
    'The modem answers with unreadable data; the line settings may be wrong, call support',
  ),
  'check.modem.echo.stuck': localized(
    '无线模块未关闭回显，可正常使用，建议维护时检查',
    '無線模組未關閉回顯，可正常使用，建議維護時檢查',
    'The modem keeps echoing commands; it still works, have it checked at the next service',
  ),
  'check.modem.timeout': localized(
    '无线模块未在 {timeoutMs} 毫秒内回复（{command:text}）',
    '無線模組未在 {timeoutMs} 毫秒內回覆（{command:text}）',
    'The modem did not reply to {command:text} within {timeoutMs} ms',
  ),
  'check.modem.disconnected': localized(
    '无线模块连接中断，请重启终端；仍不行请联系客服',
    '無線模組連線中斷，請重新啟動終端機；仍不行請聯絡客服',
    'The modem was disconnected; restart the terminal, and call support if that does not help',
  ),
  'check.modem.gone': localized(
    '无线模块连续 {timeouts} 次无响应，已停止检测，请重启终端',
    '無線模組連續 {timeouts} 次沒有回應，已停止檢測，請重新啟動終端機',
    'The modem stopped answering ({timeouts} timeouts in a row); restart the terminal',
  ),
  'check.modem.line-error': localized(
    '与无线模块通信出错（{command:text}），请重启终端；仍不行请联系客服',
    '與無線模組通訊出錯（{command:text}），請重新啟動終端機；仍不行請聯絡客服',
    'Communication with the modem failed ({command:text}); restart the terminal, and call support if that does not help',
  ),
  'check.modem.urc.storm': localized(
    '无线模块频繁上报状态（每秒约 {perSecond} 条），可能影响通信，请联系客服',
    '無線模組頻繁回報狀態（每秒約 {perSecond} 則），可能影響通訊，請聯絡客服',
    'The modem sends a flood of status messages (about {perSecond} a second); this may disturb it, call support',
  ),

  // --- identity ---
  'check.modem.identity.ok': localized(
    '无线模块：{manufacturer:text} {model:text}[[，版本 {revision:text}]]',
    '無線模組：{manufacturer:text} {model:text}[[，版本 {revision:text}]]',
    'Modem: {manufacturer:text} {model:text}[[, revision {revision:text}]]',
  ),
  'check.modem.identity.unavailable': localized('无法读取无线模块型号', '無法讀取無線模組型號', 'The modem did not give its make and model'),

  // --- SIM ---
  'check.modem.sim.ready': localized('SIM 卡正常', 'SIM 卡正常', 'SIM card ready'),
  'check.modem.sim.pin-required': localized(
    'SIM 卡已锁定，需要输入 PIN 码，请联系客服',
    'SIM 卡已鎖定，需要輸入 PIN 碼，請聯絡客服',
    'The SIM card is locked and needs its PIN; call support',
  ),
  'check.modem.sim.puk-required': localized(
    'SIM 卡已被锁死（需要 PUK 码），请联系客服更换或解锁',
    'SIM 卡已被鎖死（需要 PUK 碼），請聯絡客服更換或解鎖',
    'The SIM card is blocked (PUK needed); call support to unblock or replace it',
  ),
  'check.modem.sim.pin2-required': localized(
    'SIM 卡需要 PIN2 码，一般不影响交易',
    'SIM 卡需要 PIN2 碼，一般不影響交易',
    'The SIM card asks for PIN2; payments are usually not affected',
  ),
  'check.modem.sim.locked': localized('SIM 卡被网络锁定，请联系客服', 'SIM 卡被網路鎖定，請聯絡客服', 'The SIM card is network-locked; call support'),
  'check.modem.sim.not-inserted': localized(
    '未检测到 SIM 卡，请关机后检查 SIM 卡是否插好',
    '未偵測到 SIM 卡，請關機後檢查 SIM 卡是否插好',
    'No SIM card found; switch the terminal off and check that the SIM card is seated',
  ),
  'check.modem.sim.failure': localized(
    'SIM 卡故障，请联系客服更换 SIM 卡',
    'SIM 卡故障，請聯絡客服更換 SIM 卡',
    'The SIM card has failed; call support for a new one',
  ),
  'check.modem.sim.busy': localized('SIM 卡正忙，请稍后重试', 'SIM 卡忙碌中，請稍後重試', 'The SIM card is busy; try again in a moment'),
  'check.modem.sim.error': localized(
    '无法读取 SIM 卡状态[[（错误 {cme:text}）]]，请联系客服',
    '無法讀取 SIM 卡狀態[[（錯誤 {cme:text}）]]，請聯絡客服',
    'The SIM card state could not be read[[ (error {cme:text})]]; call support',
  ),
  'check.modem.iccid.ok': localized('SIM 卡号（ICCID）：{iccid:text}', 'SIM 卡號（ICCID）：{iccid:text}', 'SIM card number (ICCID): {iccid:text}'),
  'check.modem.iccid.unavailable': localized('无法读取 SIM 卡号（ICCID）', '無法讀取 SIM 卡號（ICCID）', 'The SIM card number (ICCID) could not be read'),

  // --- signal ---
  'check.modem.signal.excellent': localized('信号很好（{dbm} dBm）', '訊號很好（{dbm} dBm）', 'Signal excellent ({dbm} dBm)'),
  'check.modem.signal.good': localized('信号良好（{dbm} dBm）', '訊號良好（{dbm} dBm）', 'Signal good ({dbm} dBm)'),
  'check.modem.signal.fair': localized('信号一般（{dbm} dBm）', '訊號普通（{dbm} dBm）', 'Signal fair ({dbm} dBm)'),
  'check.modem.signal.weak': localized(
    '信号弱（{dbm} dBm），请将终端移到窗边后重试',
    '訊號弱（{dbm} dBm），請將終端機移到窗邊後重試',
    'Weak signal ({dbm} dBm); move the terminal near a window and try again',
  ),
  'check.modem.signal.none': localized(
    '没有信号，请将终端移到窗边或空旷处后重试',
    '沒有訊號，請將終端機移到窗邊或空曠處後重試',
    'No signal; move the terminal near a window or into the open and try again',
  ),

  // --- registration (circuit and packet domains share the texts) ---
  'check.modem.registration.home': localized(
    '已注册到网络[[（位置区 {lac:text}，小区 {ci:text}）]]',
    '已註冊到網路[[（位置區 {lac:text}，基地台 {ci:text}）]]',
    'Registered on the home network[[ (area {lac:text}, cell {ci:text})]]',
  ),
  'check.modem.registration.roaming': localized(
    '正在漫游，可以交易，但可能产生额外费用',
    '正在漫遊，可以交易，但可能產生額外費用',
    'Roaming: payments work, but extra charges may apply',
  ),
  'check.modem.registration.searching': localized(
    '正在搜索网络，请稍候一分钟后重试',
    '正在搜尋網路，請稍候一分鐘後重試',
    'Searching for a network; wait a minute and try again',
  ),
  'check.modem.registration.denied': localized(
    '网络拒绝注册，SIM 卡可能已停用，请联系客服',
    '網路拒絕註冊，SIM 卡可能已停用，請聯絡客服',
    'The network refused registration; the SIM may be barred, call support',
  ),
  'check.modem.registration.not-registered': localized(
    '未注册到网络，请重启终端；仍不行请联系客服',
    '未註冊到網路，請重新啟動終端機；仍不行請聯絡客服',
    'Not registered on a network; restart the terminal, and call support if that does not help',
  ),
  'check.modem.registration.unknown': localized('网络注册状态未知', '網路註冊狀態不明', 'Network registration state unknown'),
  'check.modem.registration.unavailable': localized('无法读取网络注册状态', '無法讀取網路註冊狀態', 'The network registration state could not be read'),

  // --- operator ---
  'check.modem.operator.ok': localized(
    '运营商：{operator:text}[[（{mccmnc:text}）]]',
    '電信業者：{operator:text}[[（{mccmnc:text}）]]',
    'Operator: {operator:text}[[ ({mccmnc:text})]]',
  ),
  'check.modem.operator.none': localized('未选定运营商网络', '未選定電信業者網路', 'No operator selected'),

  // --- packet data ---
  'check.modem.packet.attached': localized('数据业务已连接', '數據服務已連線', 'Packet data attached'),
  'check.modem.packet.detached': localized(
    '数据业务未连接，请重启终端；仍不行请联系客服',
    '數據服務未連線，請重新啟動終端機；仍不行請聯絡客服',
    'Packet data is not attached; restart the terminal, and call support if that does not help',
  ),
  'check.modem.packet.attached-by-check': localized(
    '数据业务原先未连接，检测时已重新连接，请重试交易',
    '數據服務原先未連線，檢測時已重新連線，請重試交易',
    'Packet data was detached and the check attached it again; try the payment again',
  ),
  'check.modem.packet.attach-refused': localized(
    '数据业务无法连接[[（错误 {cme:text}）]]，请联系客服',
    '數據服務無法連線[[（錯誤 {cme:text}）]]，請聯絡客服',
    'Packet data could not be attached[[ (error {cme:text})]]; call support',
  ),
  'check.modem.packet.unavailable': localized('无法读取数据业务状态', '無法讀取數據服務狀態', 'The packet data state could not be read'),
  'check.modem.pdp.address': localized(
    '数据连接地址：{ip:text}（APN {apn:text}）',
    '數據連線位址：{ip:text}（APN {apn:text}）',
    'Data address {ip:text} (APN {apn:text})',
  ),
  'check.modem.pdp.no-address': localized(
    '数据连接没有地址[[（APN {apn:text}）]]，请重启终端；仍不行请联系客服',
    '數據連線沒有位址[[（APN {apn:text}）]]，請重新啟動終端機；仍不行請聯絡客服',
    'The data connection has no address[[ (APN {apn:text})]]; restart the terminal, and call support if that does not help',
  ),
  'check.modem.pdp.no-context': localized(
    '未设置数据连接（APN），请联系客服',
    '未設定數據連線（APN），請聯絡客服',
    'No data connection (APN) is set up; call support',
  ),
};
