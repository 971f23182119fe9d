/**
 * What the modem's findings say, per locale. Keys are the `message` of hal/modem/check.ts findings
 * (and hal/modem/assess.ts); `{name}` is replaced by the finding's params, `[[…]]` is dropped when a
 * parameter inside it is missing (src/i18n/format.ts). Identifiers are forced to text so that an
 * ICCID or a cell id is never printed with thousands separators.
 */
export const MODEM_MESSAGES: Record<string, { 'zh-CN': string; 'zh-TW': string; en: string }> = {
  // --- the port and the first AT ---
  'check.modem.port.not-found': {
    'zh-CN': '找不到无线模块（{path}），请联系客服',
    'zh-TW': '找不到無線模組（{path}），請聯絡客服',
    en: 'Modem not found ({path}); call support',
  },
  'check.modem.port.busy': {
    'zh-CN': '无线模块正被其他程序占用，请重启终端后重试',
    'zh-TW': '無線模組正被其他程式佔用，請重新啟動終端機後重試',
    en: 'The modem is in use by another program; restart the terminal and try again',
  },
  'check.modem.port.permission': {
    'zh-CN': '没有权限访问无线模块（{path}），请联系客服',
    'zh-TW': '沒有權限存取無線模組（{path}），請聯絡客服',
    en: 'No permission to open the modem ({path}); call support',
  },
  'check.modem.port.open-failed': {
    'zh-CN': '无法打开无线模块，请重启终端；仍不行请联系客服',
    'zh-TW': '無法開啟無線模組，請重新啟動終端機；仍不行請聯絡客服',
    en: 'The modem could not be opened; restart the terminal, and call support if that does not help',
  },
  'check.modem.probe.ok': {
    'zh-CN': '无线模块响应正常',
    'zh-TW': '無線模組回應正常',
    en: 'The modem is answering',
  },
  'check.modem.probe.no-reply': {
    'zh-CN': '无线模块无响应（试了 {tries} 次），请重启终端；仍无响应请联系客服',
    'zh-TW': '無線模組沒有回應（試了 {tries} 次），請重新啟動終端機；仍無回應請聯絡客服',
    en: 'The modem does not answer ({tries} tries); restart the terminal, and call support if it still does not',
  },
  'check.modem.probe.garbled': {
    'zh-CN': '无线模块返回乱码，连接设置可能有误，请联系客服',
    'zh-TW': '無線模組回傳亂碼，連線設定可能有誤，請聯絡客服',
    en: 'The modem answers with unreadable data; the line settings may be wrong, call support',
  },
  'check.modem.echo.stuck': {
    'zh-CN': '无线模块未关闭回显，可正常使用，建议维护时检查',
    'zh-TW': '無線模組未關閉回顯，可正常使用，建議維護時檢查',
    en: 'The modem keeps echoing commands; it still works, have it checked at the next service',
  },
  'check.modem.timeout': {
    'zh-CN': '无线模块未在 {timeoutMs} 毫秒内回复（{command:text}）',
    'zh-TW': '無線模組未在 {timeoutMs} 毫秒內回覆（{command:text}）',
    en: 'The modem did not reply to {command:text} within {timeoutMs} ms',
  },
  'check.modem.disconnected': {
    'zh-CN': '无线模块连接中断，请重启终端；仍不行请联系客服',
    'zh-TW': '無線模組連線中斷，請重新啟動終端機；仍不行請聯絡客服',
    en: 'The modem was disconnected; restart the terminal, and call support if that does not help',
  },
  'check.modem.gone': {
    'zh-CN': '无线模块连续 {timeouts} 次无响应，已停止检测，请重启终端',
    'zh-TW': '無線模組連續 {timeouts} 次沒有回應，已停止檢測，請重新啟動終端機',
    en: 'The modem stopped answering ({timeouts} timeouts in a row); restart the terminal',
  },
  'check.modem.line-error': {
    'zh-CN': '与无线模块通信出错（{command:text}），请重启终端；仍不行请联系客服',
    'zh-TW': '與無線模組通訊出錯（{command:text}），請重新啟動終端機；仍不行請聯絡客服',
    en: 'Communication with the modem failed ({command:text}); restart the terminal, and call support if that does not help',
  },
  'check.modem.urc.storm': {
    'zh-CN': '无线模块频繁上报状态（每秒约 {perSecond} 条），可能影响通信，请联系客服',
    'zh-TW': '無線模組頻繁回報狀態（每秒約 {perSecond} 則），可能影響通訊，請聯絡客服',
    en: 'The modem sends a flood of status messages (about {perSecond} a second); this may disturb it, call support',
  },

  // --- identity ---
  'check.modem.identity.ok': {
    'zh-CN': '无线模块：{manufacturer:text} {model:text}[[，版本 {revision:text}]]',
    'zh-TW': '無線模組：{manufacturer:text} {model:text}[[，版本 {revision:text}]]',
    en: 'Modem: {manufacturer:text} {model:text}[[, revision {revision:text}]]',
  },
  'check.modem.identity.unavailable': {
    'zh-CN': '无法读取无线模块型号',
    'zh-TW': '無法讀取無線模組型號',
    en: 'The modem did not give its make and model',
  },

  // --- SIM ---
  'check.modem.sim.ready': {
    'zh-CN': 'SIM 卡正常',
    'zh-TW': 'SIM 卡正常',
    en: 'SIM card ready',
  },
  'check.modem.sim.pin-required': {
    'zh-CN': 'SIM 卡已锁定，需要输入 PIN 码，请联系客服',
    'zh-TW': 'SIM 卡已鎖定，需要輸入 PIN 碼，請聯絡客服',
    en: 'The SIM card is locked and needs its PIN; call support',
  },
  'check.modem.sim.puk-required': {
    'zh-CN': 'SIM 卡已被锁死（需要 PUK 码），请联系客服更换或解锁',
    'zh-TW': 'SIM 卡已被鎖死（需要 PUK 碼），請聯絡客服更換或解鎖',
    en: 'The SIM card is blocked (PUK needed); call support to unblock or replace it',
  },
  'check.modem.sim.pin2-required': {
    'zh-CN': 'SIM 卡需要 PIN2 码，一般不影响交易',
    'zh-TW': 'SIM 卡需要 PIN2 碼，一般不影響交易',
    en: 'The SIM card asks for PIN2; payments are usually not affected',
  },
  'check.modem.sim.locked': {
    'zh-CN': 'SIM 卡被网络锁定，请联系客服',
    'zh-TW': 'SIM 卡被網路鎖定，請聯絡客服',
    en: 'The SIM card is network-locked; call support',
  },
  'check.modem.sim.not-inserted': {
    'zh-CN': '未检测到 SIM 卡，请关机后检查 SIM 卡是否插好',
    'zh-TW': '未偵測到 SIM 卡，請關機後檢查 SIM 卡是否插好',
    en: 'No SIM card found; switch the terminal off and check that the SIM card is seated',
  },
  'check.modem.sim.failure': {
    'zh-CN': 'SIM 卡故障，请联系客服更换 SIM 卡',
    'zh-TW': 'SIM 卡故障，請聯絡客服更換 SIM 卡',
    en: 'The SIM card has failed; call support for a new one',
  },
  'check.modem.sim.busy': {
    'zh-CN': 'SIM 卡正忙，请稍后重试',
    'zh-TW': 'SIM 卡忙碌中，請稍後重試',
    en: 'The SIM card is busy; try again in a moment',
  },
  'check.modem.sim.error': {
    'zh-CN': '无法读取 SIM 卡状态[[（错误 {cme:text}）]]，请联系客服',
    'zh-TW': '無法讀取 SIM 卡狀態[[（錯誤 {cme:text}）]]，請聯絡客服',
    en: 'The SIM card state could not be read[[ (error {cme:text})]]; call support',
  },
  'check.modem.iccid.ok': {
    'zh-CN': 'SIM 卡号（ICCID）：{iccid:text}',
    'zh-TW': 'SIM 卡號（ICCID）：{iccid:text}',
    en: 'SIM card number (ICCID): {iccid:text}',
  },
  'check.modem.iccid.unavailable': {
    'zh-CN': '无法读取 SIM 卡号（ICCID）',
    'zh-TW': '無法讀取 SIM 卡號（ICCID）',
    en: 'The SIM card number (ICCID) could not be read',
  },

  // --- signal ---
  'check.modem.signal.excellent': {
    'zh-CN': '信号很好（{dbm} dBm）',
    'zh-TW': '訊號很好（{dbm} dBm）',
    en: 'Signal excellent ({dbm} dBm)',
  },
  'check.modem.signal.good': {
    'zh-CN': '信号良好（{dbm} dBm）',
    'zh-TW': '訊號良好（{dbm} dBm）',
    en: 'Signal good ({dbm} dBm)',
  },
  'check.modem.signal.fair': {
    'zh-CN': '信号一般（{dbm} dBm）',
    'zh-TW': '訊號普通（{dbm} dBm）',
    en: 'Signal fair ({dbm} dBm)',
  },
  'check.modem.signal.weak': {
    'zh-CN': '信号弱（{dbm} dBm），请将终端移到窗边后重试',
    'zh-TW': '訊號弱（{dbm} dBm），請將終端機移到窗邊後重試',
    en: 'Weak signal ({dbm} dBm); move the terminal near a window and try again',
  },
  'check.modem.signal.none': {
    'zh-CN': '没有信号，请将终端移到窗边或空旷处后重试',
    'zh-TW': '沒有訊號，請將終端機移到窗邊或空曠處後重試',
    en: 'No signal; move the terminal near a window or into the open and try again',
  },

  // --- registration (circuit and packet domains share the texts) ---
  'check.modem.registration.home': {
    'zh-CN': '已注册到网络[[（位置区 {lac:text}，小区 {ci:text}）]]',
    'zh-TW': '已註冊到網路[[（位置區 {lac:text}，基地台 {ci:text}）]]',
    en: 'Registered on the home network[[ (area {lac:text}, cell {ci:text})]]',
  },
  'check.modem.registration.roaming': {
    'zh-CN': '正在漫游，可以交易，但可能产生额外费用',
    'zh-TW': '正在漫遊，可以交易，但可能產生額外費用',
    en: 'Roaming: payments work, but extra charges may apply',
  },
  'check.modem.registration.searching': {
    'zh-CN': '正在搜索网络，请稍候一分钟后重试',
    'zh-TW': '正在搜尋網路，請稍候一分鐘後重試',
    en: 'Searching for a network; wait a minute and try again',
  },
  'check.modem.registration.denied': {
    'zh-CN': '网络拒绝注册，SIM 卡可能已停用，请联系客服',
    'zh-TW': '網路拒絕註冊，SIM 卡可能已停用，請聯絡客服',
    en: 'The network refused registration; the SIM may be barred, call support',
  },
  'check.modem.registration.not-registered': {
    'zh-CN': '未注册到网络，请重启终端；仍不行请联系客服',
    'zh-TW': '未註冊到網路，請重新啟動終端機；仍不行請聯絡客服',
    en: 'Not registered on a network; restart the terminal, and call support if that does not help',
  },
  'check.modem.registration.unknown': {
    'zh-CN': '网络注册状态未知',
    'zh-TW': '網路註冊狀態不明',
    en: 'Network registration state unknown',
  },
  'check.modem.registration.unavailable': {
    'zh-CN': '无法读取网络注册状态',
    'zh-TW': '無法讀取網路註冊狀態',
    en: 'The network registration state could not be read',
  },

  // --- operator ---
  'check.modem.operator.ok': {
    'zh-CN': '运营商：{operator:text}[[（{mccmnc:text}）]]',
    'zh-TW': '電信業者：{operator:text}[[（{mccmnc:text}）]]',
    en: 'Operator: {operator:text}[[ ({mccmnc:text})]]',
  },
  'check.modem.operator.none': {
    'zh-CN': '未选定运营商网络',
    'zh-TW': '未選定電信業者網路',
    en: 'No operator selected',
  },

  // --- packet data ---
  'check.modem.packet.attached': {
    'zh-CN': '数据业务已连接',
    'zh-TW': '數據服務已連線',
    en: 'Packet data attached',
  },
  'check.modem.packet.detached': {
    'zh-CN': '数据业务未连接，请重启终端；仍不行请联系客服',
    'zh-TW': '數據服務未連線，請重新啟動終端機；仍不行請聯絡客服',
    en: 'Packet data is not attached; restart the terminal, and call support if that does not help',
  },
  'check.modem.packet.attached-by-check': {
    'zh-CN': '数据业务原先未连接，检测时已重新连接，请重试交易',
    'zh-TW': '數據服務原先未連線，檢測時已重新連線，請重試交易',
    en: 'Packet data was detached and the check attached it again; try the payment again',
  },
  'check.modem.packet.attach-refused': {
    'zh-CN': '数据业务无法连接[[（错误 {cme:text}）]]，请联系客服',
    'zh-TW': '數據服務無法連線[[（錯誤 {cme:text}）]]，請聯絡客服',
    en: 'Packet data could not be attached[[ (error {cme:text})]]; call support',
  },
  'check.modem.packet.unavailable': {
    'zh-CN': '无法读取数据业务状态',
    'zh-TW': '無法讀取數據服務狀態',
    en: 'The packet data state could not be read',
  },
  'check.modem.pdp.address': {
    'zh-CN': '数据连接地址：{ip:text}（APN {apn:text}）',
    'zh-TW': '數據連線位址：{ip:text}（APN {apn:text}）',
    en: 'Data address {ip:text} (APN {apn:text})',
  },
  'check.modem.pdp.no-address': {
    'zh-CN': '数据连接没有地址[[（APN {apn:text}）]]，请重启终端；仍不行请联系客服',
    'zh-TW': '數據連線沒有位址[[（APN {apn:text}）]]，請重新啟動終端機；仍不行請聯絡客服',
    en: 'The data connection has no address[[ (APN {apn:text})]]; restart the terminal, and call support if that does not help',
  },
  'check.modem.pdp.no-context': {
    'zh-CN': '未设置数据连接（APN），请联系客服',
    'zh-TW': '未設定數據連線（APN），請聯絡客服',
    en: 'No data connection (APN) is set up; call support',
  },
};
