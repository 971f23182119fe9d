/**
 * +CME ERROR codes (3GPP TS 27.007 §9.2, as ModemManager lists them in MMMobileEquipmentError) with a
 * stable id per code. Pure data. A code not in the table, or a verbose text we do not know, becomes
 * `unknown` with the code kept, so nothing a modem says is lost.
 */
export interface CmeErrorInfo {
  /** The numeric code, when the modem gave one (AT+CMEE=1) or the verbose text is one we know. */
  code: number | null;
  /** Stable id: `sim-not-inserted`, `unknown`, … */
  id: string;
  /** English description for logs; user-facing text comes from the i18n catalogs by id. */
  text: string;
}

const TABLE: ReadonlyArray<[number, string, string]> = [
  [0, 'phone-failure', 'phone failure'],
  [1, 'no-connection', 'no connection to phone'],
  [2, 'link-reserved', 'phone adaptor link reserved'],
  [3, 'not-allowed', 'operation not allowed'],
  [4, 'not-supported', 'operation not supported'],
  [5, 'ph-sim-pin', 'PH-SIM PIN required'],
  [6, 'ph-fsim-pin', 'PH-FSIM PIN required'],
  [7, 'ph-fsim-puk', 'PH-FSIM PUK required'],
  [10, 'sim-not-inserted', 'SIM not inserted'],
  [11, 'sim-pin', 'SIM PIN required'],
  [12, 'sim-puk', 'SIM PUK required'],
  [13, 'sim-failure', 'SIM failure'],
  [14, 'sim-busy', 'SIM busy'],
  [15, 'sim-wrong', 'SIM wrong'],
  [16, 'incorrect-password', 'incorrect password'],
  [17, 'sim-pin2', 'SIM PIN2 required'],
  [18, 'sim-puk2', 'SIM PUK2 required'],
  [20, 'memory-full', 'memory full'],
  [21, 'invalid-index', 'invalid index'],
  [22, 'not-found', 'not found'],
  [23, 'memory-failure', 'memory failure'],
  [24, 'text-too-long', 'text string too long'],
  [25, 'invalid-chars', 'invalid characters in text string'],
  [26, 'dial-string-too-long', 'dial string too long'],
  [27, 'dial-string-invalid', 'invalid characters in dial string'],
  [30, 'no-network', 'no network service'],
  [31, 'network-timeout', 'network timeout'],
  [32, 'network-not-allowed', 'network not allowed - emergency calls only'],
  [40, 'network-pin', 'network personalisation PIN required'],
  [41, 'network-puk', 'network personalisation PUK required'],
  [42, 'network-subset-pin', 'network subset personalisation PIN required'],
  [43, 'network-subset-puk', 'network subset personalisation PUK required'],
  [44, 'service-pin', 'service provider personalisation PIN required'],
  [45, 'service-puk', 'service provider personalisation PUK required'],
  [46, 'corp-pin', 'corporate personalisation PIN required'],
  [47, 'corp-puk', 'corporate personalisation PUK required'],
  [50, 'incorrect-parameters', 'incorrect parameters'],
  [100, 'unknown', 'unknown'],
  [103, 'illegal-ue', 'illegal MS/UE'],
  [106, 'illegal-me', 'illegal ME'],
  [107, 'gprs-not-allowed', 'GPRS/PS services not allowed'],
  [111, 'plmn-not-allowed', 'PLMN not allowed'],
  [112, 'location-area-not-allowed', 'location area not allowed'],
  [113, 'roaming-not-allowed', 'roaming not allowed in this location area'],
  [127, 'missing-apn', 'missing or unknown APN'],
  [129, 'user-authentication-failed', 'user authentication failed'],
  [131, 'activation-rejected', 'activation rejected, unspecified'],
  [132, 'service-not-supported', 'service option not supported'],
  [133, 'service-not-subscribed', 'requested service option not subscribed'],
  [134, 'service-out-of-order', 'service option temporarily out of order'],
  [148, 'gprs-unspecified', 'unspecified GPRS error'],
  [149, 'pdp-authentication-failure', 'PDP authentication failure'],
];

const BY_CODE = new Map(TABLE.map(([code, id, text]) => [code, { code, id, text }]));
const BY_TEXT = new Map(TABLE.map(([code, id, text]) => [text.toLowerCase(), { code, id, text }]));

/** Looks up a numeric code or the verbose text of AT+CMEE=2. */
export function cmeError(codeOrText: number | string): CmeErrorInfo {
  if (typeof codeOrText === 'number') return BY_CODE.get(codeOrText) ?? { code: codeOrText, id: 'unknown', text: `unknown error ${codeOrText}` };
  const known = BY_TEXT.get(codeOrText.trim().toLowerCase());
  return known ?? { code: null, id: 'unknown', text: codeOrText.trim() };
}
