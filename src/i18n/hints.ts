/**
 * What the cashier reads when a transaction fails: a title for the terminal's two-line display and one
 * action line, per hint key, in every locale. The code is put in front of the title by the renderer
 * (src/i18n/hint.ts), so every hint shows it; `{code}` in an action line repeats it where the next step
 * is to call someone.
 *
 * House rules (tests enforce the measurable ones):
 * - the title with its code fits 32 columns (16 Hanzi or 32 Latin characters);
 * - calm, specific, addressed to the cashier: what happened, then what to do now;
 * - never blame the cardholder for a terminal, host or bank fault; no fraud wording in front of the
 *   customer (pick-up and suspected-fraud codes read "retain the card", reasons are for the acquirer);
 * - every locale has the same placeholders; zh-TW is written in Traditional characters and Taiwan usage.
 * Template syntax: src/i18n/format.ts.
 */
import { localized, type Localized } from './locale';

export interface HintText {
  title: string;
  action: string;
}

type HintCatalog = Readonly<Record<string, Localized<HintText>>>;

const hintText = ([title, action]: [string, string]): HintText => ({ title, action });

/** A title and an action line in every locale, each as [title, action] (order as in `localized`). */
export function localizedHint(zhCN: [string, string], zhTW: [string, string], en: [string, string]): Localized<HintText> {
  return localized(hintText(zhCN), hintText(zhTW), hintText(en));
}

const h = localizedHint;

// Advice two hints give in the same words (zh-CN, zh-TW, en), written once.
const SIGN_ON_AGAIN = [
  '请重新签到后再试；仍失败请记下代码{code}联系客服',
  '請重新簽到後再試；仍失敗請記下代碼{code}聯絡客服',
  'Sign on again and retry; if it fails, call support with code {code}.',
] as const;
const ANOTHER_CARD = ['请换卡或改用其他支付方式', '請換卡或改用其他付款方式', 'Use another card or payment method.'] as const;

/** Hints for answers from the host (field 39). */
const HOST_HINTS: HintCatalog = {
  // Approved, with or without a note.
  approved: h(['交易成功', '请打印小票交给客户'], ['交易成功', '請列印簽單交給客戶'], ['Approved', 'Print the receipt for the customer.']),
  'approved-with-id': h(
    ['请核对身份证件', '发卡行要求核对持卡人证件，核对无误即交易有效'],
    ['請核對身分證件', '發卡銀行要求核對持卡人證件，核對無誤即交易有效'],
    ['Check ID, then approved', "The issuer asks you to check the cardholder's ID; if it matches, the sale stands."],
  ),
  'approved-partial': h(
    ['部分金额已批准', '[[已批准{amount}，]]差额请用其他方式收取'],
    ['部分金額已核准', '[[已核准{amount}，]]差額請以其他方式收取'],
    ['Partly approved', '[[{amount} approved. ]]Collect the rest another way.'],
  ),
  'approved-confirm-transfer': h(
    ['成功，请确认到账', '交易已受理，但收款行未应答，请向收款行确认到账'],
    ['成功，請確認入帳', '交易已受理，但收款銀行未回應，請向收款銀行確認入帳'],
    ['Done: confirm the funds', 'Accepted, but the receiving bank did not answer; confirm the funds with it.'],
  ),
  'approved-offline': h(
    ['已脱机批准', '卡片已脱机批准，联网后交易会自动上送'],
    ['已離線核准', '卡片已離線核准，連線後交易會自動上傳'],
    ['Approved offline', 'The card approved offline; the sale is sent once the terminal is online.'],
  ),
  'approved-offline-no-link': h(
    ['脱机批准，网络未通', '交易有效；请检查终端网络，以便及时上送'],
    ['離線核准，網路不通', '交易有效；請檢查終端機網路，以便及時上傳'],
    ['Approved offline, no link', "The sale stands; check the terminal's network so it can be sent."],
  ),
  'nothing-due': h(['无欠费', '查询结果为无欠费，无需缴费'], ['無欠費', '查詢結果為無欠費，無須繳費'], ['Nothing is due', 'The inquiry shows nothing owed; no payment is needed.']),

  // The issuer decided.
  'call-issuer': h(
    ['请联系发卡行', '发卡行需与持卡人确认，可致电发卡行或改用其他支付方式'],
    ['請聯絡發卡銀行', '發卡銀行需與持卡人確認，可致電發卡銀行或改用其他付款方式'],
    ['Refer to the card issuer', 'The issuer wants a word with the cardholder; they can call it, or pay another way.'],
  ),
  'issuer-declined': h(
    ['发卡行未批准', '请换卡或改用其他支付方式，原因可咨询发卡行'],
    ['發卡銀行未核准', '請換卡或改用其他付款方式，原因可洽詢發卡銀行'],
    ['Declined by the issuer', 'Ask for another card or payment method; the issuer can explain why.'],
  ),
  'issuer-error': h(
    ['发卡行处理出错', '非本终端问题，请稍后重试或换卡'],
    ['發卡銀行處理錯誤', '非本終端機問題，請稍後重試或換卡'],
    ['Card issuer error', 'Not a terminal fault; try again later or use another card.'],
  ),
  'issuer-unavailable': h(
    ['发卡行暂时无法处理', '发卡行系统暂不可用，请几分钟后重试或换卡'],
    ['發卡銀行暫時無法處理', '發卡銀行系統暫不可用，請幾分鐘後重試或換卡'],
    ['Card issuer unavailable', "The issuer's system is down for now; retry in a few minutes or use another card."],
  ),
  'issuer-timeout': h(
    ['发卡行应答超时', '请先查询上笔是否扣款，未扣款再重试，以免重复收款'],
    ['發卡銀行回應逾時', '請先查詢上筆是否扣款，未扣款再重試，以免重複收款'],
    ['Card issuer timed out', 'Check whether the last sale went through before retrying, to avoid charging twice.'],
  ),
  'fee-declined': h(
    ['手续费不被接受', '发卡行不接受本笔手续费，请改用其他支付方式'],
    ['手續費不被接受', '發卡銀行不接受本筆手續費，請改用其他付款方式'],
    ['Fee not accepted', 'The issuer refused the fee; use another payment method.'],
  ),
  'not-supported': h(
    ['发卡行不支持此交易', '请换卡，或改用其他交易类型或支付方式'],
    ['發卡銀行不支援此交易', '請換卡，或改用其他交易類型或付款方式'],
    ['Not supported by issuer', 'Use another card, transaction type or payment method.'],
  ),
  'declined-quiet': h(
    ['交易未获批准', '请礼貌地请客户换卡或改用其他支付方式'],
    ['交易未獲核准', '請禮貌地請客戶換卡或改用其他付款方式'],
    ['Transaction declined', 'Politely ask for another card or payment method.'],
  ),
  cancelled: h(['交易已取消', '交易已被取消；如需付款，请重新发起交易'], ['交易已取消', '交易已被取消；如需付款，請重新發起交易'], ['Transaction cancelled', 'The sale was cancelled; start a new one if payment is still due.']),

  // About the card or the account behind it.
  'retain-card': h(
    ['请暂留此卡', '发卡行要求收回此卡；请礼貌告知客户，并联系收单行'],
    ['請暫留此卡', '發卡銀行要求收回此卡；請婉轉告知客戶，並聯絡收單銀行'],
    ['Please keep the card', 'The issuer asks to retain this card; tell the customer politely and call the acquirer.'],
  ),
  'invalid-card-number': h(
    ['卡号无法识别', '请重新刷卡或插卡；仍不行请换卡'],
    ['卡號無法識別', '請重新刷卡或插卡；仍不行請換卡'],
    ['Card number not valid', 'Swipe or insert the card again; if it fails again, use another card.'],
  ),
  'card-not-accepted': h(
    ['此卡暂不能受理', '本终端暂不受理此卡，请换卡或改用其他支付方式'],
    ['此卡暫不能受理', '本終端機暫不受理此卡，請換卡或改用其他付款方式'],
    ['Card not accepted here', 'This terminal cannot take this card; use another card or payment.'],
  ),
  're-enter': h(['请重新读卡', '卡片数据读取有误，请重新刷卡或插卡'], ['請重新讀卡', '卡片資料讀取有誤，請重新刷卡或插卡'], ['Read the card again', 'The card data was misread; swipe or insert it again.']),
  'expired-card': h(
    ['卡片已过期', '请核对卡面有效期；已过期请换卡'],
    ['卡片已過期', '請核對卡面有效期限；已過期請換卡'],
    ['Card expired', 'Check the expiry date on the card; if it has passed, use another card.'],
  ),
  'restricted-card': h(
    ['此卡受限', '此卡不能用于本交易，请换卡或改用其他支付方式'],
    ['此卡受限', '此卡不能用於本交易，請換卡或改用其他付款方式'],
    ['Card restricted', 'This card cannot be used here; use another card or payment.'],
  ),
  'pin-tries-exceeded': h(
    ['密码错误次数超限', '此卡暂被锁定，请持卡人联系发卡行，或换卡'],
    ['密碼錯誤次數超限', '此卡暫被鎖定，請持卡人聯絡發卡銀行，或換卡'],
    ['PIN tries used up', 'The card is locked for now; the cardholder can call the issuer, or use another card.'],
  ),
  'no-account': h(['未找到对应账户', ANOTHER_CARD[0]], ['找不到對應帳戶', ANOTHER_CARD[1]], ['Account not found', ANOTHER_CARD[2]]),
  'use-chip': h(
    ['请插卡读芯片', '此卡有芯片，请插入芯片卡口，不要刷磁条'],
    ['請插卡讀晶片', '此卡有晶片，請插入晶片卡槽，不要刷磁條'],
    ['Insert the chip card', 'This card has a chip: insert it instead of swiping.'],
  ),
  'insufficient-funds': h(
    ['可用余额不足', '请换卡、调整金额或改用其他支付方式'],
    ['可用餘額不足', '請換卡、調整金額或改用其他付款方式'],
    ['Not enough funds', 'Use another card or payment method, or a smaller amount.'],
  ),
  'wrong-pin': h(
    ['密码错误', '请持卡人重新输入密码；若每张卡都如此，请检测密钥'],
    ['密碼錯誤', '請持卡人重新輸入密碼；若每張卡都如此，請檢測金鑰'],
    ['Incorrect PIN', 'Ask the cardholder to enter the PIN again; if every card fails, test the keys.'],
  ),
  'not-permitted-card': h(
    ['此卡不能做此交易', '发卡行不允许此卡做该交易，请换卡或改用其他支付方式'],
    ['此卡不能做此交易', '發卡銀行不允許此卡做該交易，請換卡或改用其他付款方式'],
    ['Card cannot do this sale', 'The issuer does not allow it for this card; use another card or payment.'],
  ),
  'not-permitted-terminal': h(
    ['本终端不可做此交易', '请核对终端号和商户号，并联系收单行开通此交易'],
    ['本終端機不可做此交易', '請核對終端機代號和商店代號，並聯絡收單銀行開通此交易'],
    ['Not allowed on this terminal', 'Check the terminal and merchant IDs, and ask the acquirer to enable it.'],
  ),
  'card-check-failed': h(
    ['卡片校验未通过', '请重新读卡；仍不行请换卡或改用其他支付方式'],
    ['卡片驗證未通過', '請重新讀卡；仍不行請換卡或改用其他付款方式'],
    ['Card check failed', 'Read the card again; if it fails, use another card or payment.'],
  ),
  'amount-over-card-limit': h(
    ['超出此卡限额', '[[本笔{amount}，]]可分笔支付、换卡或改用其他支付方式'],
    ['超出此卡限額', '[[本筆{amount}，]]可分筆付款、換卡或改用其他付款方式'],
    ["Over the card's limit", '[[This sale is {amount}. ]]Split the payment, or use another card or method.'],
  ),
  'frequency-limit': h(
    ['超出交易次数限制', '此卡已达交易次数上限，请换卡或改用其他支付方式'],
    ['超出交易次數限制', '此卡已達交易次數上限，請換卡或改用其他付款方式'],
    ['Card use limit reached', 'This card has reached its number of uses; use another card or payment.'],
  ),
  'invalid-amount': h(
    ['金额无效', '请核对金额[[{amount}]]后重新输入'],
    ['金額無效', '請核對金額[[{amount}]]後重新輸入'],
    ['Amount not valid', 'Check the amount[[ {amount}]] and enter it again.'],
  ),
  'verification-failed': h(
    ['持卡人验证未通过', '请持卡人核对密码等信息后重试，或联系发卡行'],
    ['持卡人驗證未通過', '請持卡人核對密碼等資料後重試，或聯絡發卡銀行'],
    ['Cardholder check failed', 'Ask the cardholder to check the PIN and details and retry, or call the issuer.'],
  ),
  'card-not-activated': h(
    ['卡片未激活', '请持卡人联系发卡行激活卡片，或换卡'],
    ['卡片未開卡', '請持卡人聯絡發卡銀行開卡，或換卡'],
    ['Card not activated', 'The cardholder must activate it with the issuer; use another card meanwhile.'],
  ),
  'currency-mismatch': h(
    ['币种不一致', '转账币种与账户不符，请核对后重试或换卡'],
    ['幣別不一致', '轉帳幣別與帳戶不符，請核對後重試或換卡'],
    ['Currency mismatch', "The currency does not match the account's; check it, or use another card."],
  ),
  'account-info-needed': h(
    ['账户信息需更新', '请持卡人联系发卡行更新账户信息，或换卡'],
    ['帳戶資料需更新', '請持卡人聯絡發卡銀行更新帳戶資料，或換卡'],
    ['Account details needed', 'The cardholder must update the account with the issuer; use another card meanwhile.'],
  ),

  // The merchant's or the terminal's set-up.
  'invalid-merchant': h(
    ['商户信息未通过', '请核对终端中的商户号，并联系收单行确认商户状态'],
    ['商店資料未通過', '請核對終端機中的商店代號，並聯絡收單銀行確認商店狀態'],
    ['Merchant not accepted', "Check the terminal's merchant ID and ask the acquirer about the merchant's status."],
  ),
  'contact-acquirer': h(
    ['请联系收单行', '收单行要求商户联系；请记下代码{code}和时间[[（{time}）]]后致电'],
    ['請聯絡收單銀行', '收單銀行要求商店聯絡；請記下代碼{code}和時間[[（{time}）]]後致電'],
    ['Call the acquirer', 'The acquirer asks you to call; note code {code} and the time[[ ({time})]] first.'],
  ),
  'terminal-not-registered': h(
    ['终端未登记', '请核对终端号、商户号和主机设置，并联系收单行'],
    ['終端機未登記', '請核對終端機代號、商店代號和主機設定，並聯絡收單銀行'],
    ['Terminal not registered', 'Check the terminal ID, merchant ID and host settings, then call the acquirer.'],
  ),
  'invalid-transaction': h(
    ['无效交易', '此交易类型未被受理，请核对交易类型与原交易记录'],
    ['無效交易', '此交易類型未被受理，請核對交易類型與原交易紀錄'],
    ['Invalid transaction', 'This kind of transaction was refused; check the type and the original record.'],
  ),
  'invalid-related': h(
    ['原交易不允许此操作', '撤销和冲正须对应当日已成功的原交易，请核对原交易记录'],
    ['原交易不允許此操作', '取消和沖正須對應當日已成功的原交易，請核對原交易紀錄'],
    ['Not allowed on original', 'A void or reversal needs a same-day approved original; check the journal.'],
  ),
  'original-not-found': h(
    ['找不到原交易', '请核对原交易的凭证号和日期后重试'],
    ['找不到原交易', '請核對原交易的憑證號和日期後重試'],
    ['Original not found', "Check the original's receipt number and date, then retry."],
  ),
  'original-mismatch': h(
    ['与原交易金额不符', '请按原交易金额[[{amount}]]重新操作'],
    ['與原交易金額不符', '請依原交易金額[[{amount}]]重新操作'],
    ['Amount differs from original', 'Use the original amount[[ {amount}]] and try again.'],
  ),
  'sign-on': h(
    ['终端需要重新签到', '请重新签到后再试；仍失败请联系客服'],
    ['終端機需要重新簽到', '請重新簽到後再試；仍失敗請聯絡客服'],
    ['Terminal needs sign-on', 'Sign on again, then retry; if it persists, call support.'],
  ),
  'sign-on-batch': h(
    ['批次不符，请签到', '终端批次号与中心不一致，请重新签到后再交易'],
    ['批次不符，請簽到', '終端機批次號與中心不一致，請重新簽到後再交易'],
    ['Batch mismatch: sign on', "The terminal's batch differs from the host's; sign on again first."],
  ),
  'offline-upload': h(
    ['脱机交易对账不平', '请重新上送脱机交易；仍不平请联系客服'],
    ['離線交易對帳不平', '請重新上傳離線交易；仍不平請聯絡客服'],
    ['Offline batch mismatch', 'Upload the offline transactions again; if still off, call support.'],
  ),
  'format-error': h(
    ['报文格式错误', '请重新读卡再试一次；仍失败请记下代码{code}联系客服'],
    ['電文格式錯誤', '請重新讀卡再試一次；仍失敗請記下代碼{code}聯絡客服'],
    ['Message format error', 'Read the card and try once more; if it fails, call support with code {code}.'],
  ),
  duplicate: h(
    ['疑似重复交易', '请先查询上笔是否成功，避免重复收款'],
    ['疑似重複交易', '請先查詢上筆是否成功，避免重複收款'],
    ['Possible duplicate', 'Check whether the last sale went through before charging again.'],
  ),
  'in-progress': h(
    ['交易处理中', '请稍候查询结果，确认未成功后再重试'],
    ['交易處理中', '請稍候查詢結果，確認未成功後再重試'],
    ['Still in progress', 'Wait, check the result, and retry only if it did not go through.'],
  ),
  'acquirer-signed-off': h(
    ['收单机构暂停服务', '请稍后重新签到再试；持续出现请联系客服'],
    ['收單機構暫停服務', '請稍後重新簽到再試；持續出現請聯絡客服'],
    ['Acquirer not signed on', 'Sign on again a little later; if it persists, call support.'],
  ),
  'mac-error': h(
    ['校验错误，请签到', '终端密钥可能已过期，请重新签到后再试'],
    ['驗證錯誤，請簽到', '終端機金鑰可能已過期，請重新簽到後再試'],
    ['MAC check failed: sign on', "The terminal's keys may be out of date; sign on again and retry."],
  ),
  'pin-format': h(
    ['密码格式错误', '非持卡人问题；请重新签到更新密钥后再试'],
    ['密碼格式錯誤', '非持卡人問題；請重新簽到更新金鑰後再試'],
    ['PIN format error', "Not the cardholder's fault; sign on again to renew the keys, then retry."],
  ),
  'security-violation': h(
    ['安全校验未通过', SIGN_ON_AGAIN[0]],
    ['安全驗證未通過', SIGN_ON_AGAIN[1]],
    ['Security check failed', SIGN_ON_AGAIN[2]],
  ),
  'security-processing': h(
    ['主机安全处理失败', SIGN_ON_AGAIN[0]],
    ['主機安全處理失敗', SIGN_ON_AGAIN[1]],
    ['Host security step failed', SIGN_ON_AGAIN[2]],
  ),

  // The host, the switch or the link between banks.
  'system-malfunction': h(
    ['支付系统暂时故障', '非卡片问题。请稍后重试；仍失败请记下代码{code}和时间[[（{time}）]]，致电客服'],
    ['支付系統暫時故障', '非卡片問題。請稍後重試；仍失敗請記下代碼{code}和時間[[（{time}）]]，致電客服'],
    ['Payment system fault', 'Not the card. Retry shortly; if it persists, call support with code {code} and the time[[ ({time})]].'],
  ),
  'lakala-96': h(
    ['交易失败，请稍后重试', '请检查网络和商户状态后重试；仍失败请记下代码{code}和时间，联系拉卡拉客服'],
    ['交易失敗，請稍後重試', '請檢查網路和商店狀態後重試；仍失敗請記下代碼{code}和時間，聯絡拉卡拉客服'],
    ['Failed: retry shortly', 'Check the network and merchant status, then retry; if it persists, call Lakala support with code {code}.'],
  ),
  cutoff: h(['银行日终处理中', '系统正在日切，请几分钟后重试'], ['銀行日結處理中', '系統正在日結，請幾分鐘後重試'], ['Bank end-of-day running', 'The bank is closing the day; retry in a few minutes.']),
  'routing-unavailable': h(
    ['发卡行线路异常', '银行间线路暂不可用，非本终端问题，请稍后重试'],
    ['發卡銀行線路異常', '銀行間線路暫不可用，非本終端機問題，請稍後重試'],
    ['Issuer line unavailable', 'The link to the issuer is down, not this terminal; retry later.'],
  ),
  'reconcile-error': h(
    ['对账出错', '请记下代码{code}和时间，联系客服核对本批次'],
    ['對帳錯誤', '請記下代碼{code}和時間，聯絡客服核對本批次'],
    ['Reconciliation error', 'Note code {code} and the time, and ask support to check this batch.'],
  ),
  'invalid-response': h(
    ['主机应答无效', '请稍后重试；仍失败请记下代码{code}和时间致电客服'],
    ['主機回應無效', '請稍後重試；仍失敗請記下代碼{code}和時間致電客服'],
    ['Invalid host reply', 'Retry later; if it persists, call support with code {code} and the time.'],
  ),
  'not-for-pos': h(
    ['非收银交易应答', '请记下代码{code}和时间，联系客服确认交易结果'],
    ['非收銀交易回應', '請記下代碼{code}和時間，聯絡客服確認交易結果'],
    ['Not a sale response', 'Note code {code} and the time; ask support to confirm the result.'],
  ),
  'declined-offline': h(['卡片脱机拒绝', ANOTHER_CARD[0]], ['卡片離線拒絕', ANOTHER_CARD[1]], ['Declined offline by card', ANOTHER_CARD[2]]),
  'declined-offline-no-link': h(
    ['无法联机，交易未成', '请检查终端网络后重试'],
    ['無法連線，交易未成', '請檢查終端機網路後重試'],
    ['Could not go online', "Check the terminal's network, then retry."],
  ),
  unknown: h(
    ['交易未完成', '请记下代码{code}和时间[[（{time}）]]，稍后重试一次；仍失败请致电客服'],
    ['交易未完成', '請記下代碼{code}和時間[[（{time}）]]，稍後重試一次；仍失敗請致電客服'],
    ['Transaction not completed', 'Note code {code} and the time[[ ({time})]], retry once later; if it fails, call support.'],
  ),
};

/** Hints for failures the terminal reports itself (src/codes/local.ts). */
const LOCAL_HINTS: HintCatalog = {
  'no-communication': h(
    ['通讯中断', '请检查电源、网线或信号，重插松动的接口后重试'],
    ['通訊中斷', '請檢查電源、網路線或訊號，重插鬆動的接頭後重試'],
    ['No communication', 'Check power, cables and signal; reseat loose plugs, then retry.'],
  ),
  'transaction-failed': h(
    ['交易失败', '请核对卡号、有效期和金额后重试；仍失败请记下时间联系客服'],
    ['交易失敗', '請核對卡號、有效期限和金額後重試；仍失敗請記下時間聯絡客服'],
    ['Transaction failed', 'Check the card number, expiry and amount, then retry; if it persists, call support.'],
  ),
  'invalid-card': h(
    ['无法使用此卡', '请查看卡片有效期、磁条和芯片，或换卡；每张卡都不行请检测读卡器'],
    ['無法使用此卡', '請查看卡片有效期限、磁條和晶片，或換卡；每張卡都不行請檢測讀卡機'],
    ['Card cannot be used', "Check the card's expiry, stripe and chip, or use another; if no card works, test the reader."],
  ),
  'exceeds-limit': h(
    ['超过单笔限额', '[[金额{amount}超过限额{limit}；]]可分笔支付或改用其他支付方式'],
    ['超過單筆限額', '[[金額{amount}超過限額{limit}；]]可分筆付款或改用其他付款方式'],
    ['Over the sale limit', '[[{amount} is over the {limit} limit. ]]Split the payment or use another method.'],
  ),
  'customer-not-registered': h(
    ['客户未登记', '该客户尚未在本店登记，请引导登记或改用其他支付方式'],
    ['客戶未登記', '該客戶尚未在本店登記，請引導登記或改用其他付款方式'],
    ['Customer not registered', 'This customer is not enrolled here; help them enrol, or take another payment.'],
  ),
  'transaction-terminated': h(
    ['交易终止', '请检查网络、卡片和金额后重试；系统维护时请稍后再试'],
    ['交易終止', '請檢查網路、卡片和金額後重試；系統維護時請稍後再試'],
    ['Transaction stopped', 'Check the network, the card and the amount, then retry; during maintenance, retry later.'],
  ),
  'user-exception': h(
    ['请重新插卡', '请确认卡片方向正确、完好且未过期，检查网络后重试'],
    ['請重新插卡', '請確認卡片方向正確、完好且未過期，檢查網路後重試'],
    ['Insert the card again', 'Check the card is the right way round, undamaged and in date; check the network, then retry.'],
  ),
  'no-reply': h(
    ['主机无应答', '请先查询上笔是否扣款，再检查网络后重试'],
    ['主機無回應', '請先查詢上筆是否扣款，再檢查網路後重試'],
    ['No reply from the host', 'Check whether the last sale was charged, then check the network and retry.'],
  ),
  'connect-failed': h(
    ['连不上主机', '请检查网络、信号和主机地址设置后重试'],
    ['連不上主機', '請檢查網路、訊號和主機位址設定後重試'],
    ['Cannot reach the host', 'Check the network, the signal and the host address, then retry.'],
  ),
  'reply-mac-error': h(
    ['应答校验失败', '请确认上笔已冲正，重新签到后再试'],
    ['回應驗證失敗', '請確認上筆已沖正，重新簽到後再試'],
    ['Reply failed MAC check', 'Make sure the last sale was reversed, sign on again, then retry.'],
  ),
  'reader-power-up': h(
    ['芯片读取失败', '请芯片朝前重新插卡；换卡也失败请检测读卡器'],
    ['晶片讀取失敗', '請晶片朝前重新插卡；換卡也失敗請檢測讀卡機'],
    ['Chip could not be read', 'Insert the card again, chip first; if other cards fail too, test the reader.'],
  ),
  'reversal-pending': h(
    ['有冲正未完成', '上笔交易待冲正，请检查网络，联网后会自动完成'],
    ['有沖正未完成', '上筆交易待沖正，請檢查網路，連線後會自動完成'],
    ['Reversal pending', 'The last sale awaits reversal; check the network, it completes once online.'],
  ),
  'printer-paper-out': h(
    ['打印机缺纸', '交易结果不受影响；请装纸后补打小票'],
    ['印表機缺紙', '交易結果不受影響；請裝紙後補印簽單'],
    ['Printer out of paper', 'The sale is not affected; load paper and reprint the receipt.'],
  ),
};

export const HINTS: HintCatalog = Object.freeze({ ...HOST_HINTS, ...LOCAL_HINTS });
