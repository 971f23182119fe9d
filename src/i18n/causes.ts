/**
 * What the cashier reads when the self-checks found the cause (src/diagnosis): a title for the two-line
 * display and one action line per cause, and the next steps printed on the slip. The same house rules as
 * the code hints (src/i18n/hints.ts) hold and are tested the same way: every locale, the same
 * placeholders, Han text in zh, Traditional characters in zh-TW, titles that fit with the code in front.
 *
 * A cause that only confirms what the code already says (a card declined, a terminal to sign on) has no
 * text here: the code's own hint says it, and the cause adds the evidence.
 */
import { localizedHint as h, type HintText } from './hints';
import { localized, type Localized } from './locale';

type Texts<T> = Readonly<Record<string, Localized<T>>>;

/** Keyed by cause id (src/diagnosis/causes.ts). */
export const CAUSE_HINTS: Texts<HintText> = Object.freeze({
  'signal-none': h(
    ['终端无信号', '[[信号{dbm} dBm，]]请把终端移到窗边或室外，或改用Wi-Fi后重试'],
    ['終端機無訊號', '[[訊號{dbm} dBm，]]請將終端機移到窗邊或室外，或改用Wi-Fi後重試'],
    ['No mobile signal', '[[Signal {dbm} dBm. ]]Move the terminal near a window or outdoors, or use Wi-Fi, then retry.'],
  ),
  'signal-weak': h(
    ['终端信号弱', '[[信号{dbm} dBm，]]请把终端移到窗边或改用Wi-Fi后重试'],
    ['終端機訊號弱', '[[訊號{dbm} dBm，]]請將終端機移到窗邊或改用Wi-Fi後重試'],
    ['Weak mobile signal', '[[Signal {dbm} dBm. ]]Move the terminal near a window or use Wi-Fi, then retry.'],
  ),
  'sim-fault': h(
    ['SIM卡未就绪', '请关机后把SIM卡重新插好；仍不行请联系维修'],
    ['SIM卡未就緒', '請關機後把SIM卡重新插好；仍不行請聯絡維修'],
    ['SIM card not ready', 'Power off and reseat the SIM card; if it persists, call service.'],
  ),
  'mobile-not-registered': h(
    ['未连上移动网络', 'SIM卡正常但未注册到网络，请重启终端；仍不行请联系运营商'],
    ['未連上行動網路', 'SIM卡正常但未註冊到網路，請重新啟動終端機；仍不行請聯絡電信業者'],
    ['Not on the mobile network', 'The SIM is fine but not registered; restart the terminal, then call the carrier.'],
  ),
  'mobile-data-down': h(
    ['移动数据未连接', '请重启终端；仍不行请技术人员检查APN设置'],
    ['行動數據未連線', '請重新啟動終端機；仍不行請技術人員檢查APN設定'],
    ['Mobile data not connected', 'Restart the terminal; if it persists, have a technician check the APN.'],
  ),
  'modem-unresponsive': h(
    ['通讯模块无响应', '请重启终端；仍不行请联系维修'],
    ['通訊模組無回應', '請重新啟動終端機；仍不行請聯絡維修'],
    ['Modem not answering', 'Restart the terminal; if it persists, call service.'],
  ),
  'local-network-config': h(
    ['终端网络设置有误', '请检查网线、路由器，以及IP、网关和DNS设置'],
    ['終端機網路設定有誤', '請檢查網路線、路由器，以及IP、閘道和DNS設定'],
    ['Network setup problem', 'Check the cable and router, and the IP, gateway and DNS settings.'],
  ),
  'host-unreachable': h(
    ['连不上收单主机', '收单主机暂无响应；请稍后重试，仍失败请致电收单行'],
    ['連不上收單主機', '收單主機暫無回應；請稍後重試，仍失敗請致電收單機構'],
    ['Cannot reach the bank host', 'The acquirer host does not answer; retry later, then call the acquirer.'],
  ),
  'host-slow': h(
    ['主机响应慢', '[[响应用时{ms} ms，]]主机繁忙，请稍等几分钟再试'],
    ['主機回應慢', '[[回應用時{ms} ms，]]主機忙碌，請稍候幾分鐘再試'],
    ['Bank host is slow', '[[Reply took {ms} ms. ]]The host is busy; wait a few minutes and try again.'],
  ),
  'host-side': h(
    ['终端检查正常', '问题在银行或主机端，请稍后重试；仍失败请记下代码{code}和时间致电收单行'],
    ['終端機檢查正常', '問題在銀行或主機端，請稍後重試；仍失敗請記下代碼{code}和時間致電收單機構'],
    ['Terminal checked OK', "The fault is on the bank's side; retry later, or call the acquirer with code {code} and the time."],
  ),
  'reader-fault': h(
    ['读卡器故障', '不是卡片的问题；请改用插卡或挥卡，并联系维修'],
    ['讀卡機故障', '不是卡片的問題；請改用插卡或感應，並聯絡維修'],
    ['Card reader fault', "Not the card's fault; use chip or tap instead, and call service."],
  ),
  'printer-paper': h(
    ['打印机缺纸', '交易不受影响；请装纸，小票会自动补打'],
    ['印表機缺紙', '交易不受影響；請裝紙，簽單會自動補印'],
    ['Printer out of paper', 'The sale is not affected; load paper and the slip prints by itself.'],
  ),
  'printer-fault': h(
    ['打印机故障', '交易不受影响；请检查纸仓盖和指示灯，稍候重启打印机，仍不行请联系维修'],
    ['印表機故障', '交易不受影響；請檢查紙倉蓋和指示燈，稍候重新啟動印表機，仍不行請聯絡維修'],
    ['Printer fault', 'The sale is not affected; check the cover and the lights, restart the printer, then call service.'],
  ),
});

/** Next steps for the slip, keyed by step id. */
export const STEP_TEXTS: Texts<string> = Object.freeze({
  'move-terminal': localized('把终端移到信号好的地方（窗边、室外），或改用Wi-Fi', '將終端機移到訊號好的地方（窗邊、室外），或改用Wi-Fi', 'Move the terminal where the signal is better (window, outdoors) or use Wi-Fi'),
  retry: localized('重试这笔交易', '重試這筆交易', 'Retry the transaction'),
  'retry-later': localized('几分钟后再试，高峰期主机可能繁忙', '幾分鐘後再試，尖峰時段主機可能忙碌', 'Try again in a few minutes; hosts are busy at peak hours'),
  restart: localized('重启终端', '重新啟動終端機', 'Restart the terminal'),
  'reseat-sim': localized('关机后取出SIM卡重新插好', '關機後取出SIM卡重新插好', 'Power off, take the SIM card out and put it back firmly'),
  'call-carrier': localized('联系移动网络运营商确认SIM卡状态', '聯絡電信業者確認SIM卡狀態', "Ask the mobile carrier about the SIM card's status"),
  'check-apn': localized('请技术人员检查APN设置', '請技術人員檢查APN設定', 'Have a technician check the APN setting'),
  'check-lan': localized('检查网线、路由器，以及IP、网关和DNS设置', '檢查網路線、路由器，以及IP、閘道和DNS設定', 'Check the cable, the router, and the IP, gateway and DNS settings'),
  'check-host-settings': localized('核对主机地址和端口设置', '核對主機位址和連接埠設定', 'Check the host address and port settings'),
  'other-card-input': localized('改用插卡或挥卡，或换一台终端', '改用插卡或感應，或換一台終端機', 'Use chip or tap instead, or another terminal'),
  'call-service': localized('联系终端维修服务', '聯絡終端機維修服務', "Call the terminal's service provider"),
  'load-paper': localized('打开纸仓装入新纸卷，合好盖子', '打開紙倉裝入新紙捲，蓋好上蓋', 'Open the cover, load a new roll, close the cover'),
  'check-printer': localized('检查纸仓盖是否合好；打印头过热时等几分钟；再重启打印机', '檢查紙倉蓋是否蓋好；列印頭過熱時等幾分鐘；再重新啟動印表機', 'Check the cover is closed; let an overheated head cool a few minutes; then restart the printer'),
  'check-card': localized('请持卡人核对卡片有效期和卡面，或换一张卡', '請持卡人核對卡片有效期和卡面，或換一張卡', "Ask the cardholder to check the card's expiry and condition, or use another card"),
  'other-payment': localized('可分笔支付或改用其他支付方式', '可分筆支付或改用其他付款方式', 'Split the payment or use another payment method'),
  'check-params': localized('核对终端号、商户号和主机参数', '核對終端機代號、商店代號和主機參數', 'Check the terminal id, merchant id and host parameters'),
  'sign-on': localized('重新签到以更新密钥', '重新簽到以更新金鑰', 'Sign on again to renew the keys'),
  'call-acquirer': localized('致电收单行确认商户和终端状态', '致電收單機構確認商店和終端機狀態', 'Call the acquirer to confirm the merchant and terminal status'),
  'check-last': localized('先查询上一笔是否已扣款，避免重复收款', '先查詢上一筆是否已扣款，避免重複收款', 'Check whether the last sale went through before charging again'),
  support: localized('仍未解决：致电客服，报上代码{code}、时间和终端号', '仍未解決：致電客服，告知代碼{code}、時間和終端機代號', 'Still failing: call support with code {code}, the time and the terminal id'),
});
