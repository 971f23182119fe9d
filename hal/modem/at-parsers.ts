/**
 * Reply parsers, one per command, named after it. Pure. Each takes the information lines of a reply
 * (as AtReplyCollector gives them: echo, URCs and the final result already gone) and returns a typed
 * value, or null when the reply does not have the shape 3GPP TS 27.007 gives it.
 */

/** Splits at commas outside double quotes, keeping the quotes (whether a field was quoted can matter). */
function splitRaw(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Splits the part after `+XXX:` at commas outside double quotes; quotes are removed. */
export function splitFields(text: string): string[] {
  return splitRaw(text).map((f) => f.replace(/"/g, '').trim());
}

/** The fields of every line starting with `prefix` (e.g. `+CGDCONT:`), in order. */
function fieldsOfEach(lines: readonly string[] | string, prefix: string): string[][] {
  const list = typeof lines === 'string' ? [lines] : lines;
  return list.filter((l) => l.startsWith(prefix)).map((l) => splitFields(l.slice(prefix.length).trim()));
}

/** The fields of the first line starting with `prefix` (e.g. `+CSQ:`), or null. */
function fieldsOf(lines: readonly string[] | string, prefix: string): string[] | null {
  return fieldsOfEach(lines, prefix)[0] ?? null;
}

function int(s: string | undefined): number | null {
  if (s === undefined || !/^-?\d+$/.test(s.trim())) return null;
  return Number(s);
}

// --- signal ------------------------------------------------------------------------------------

export interface CsqReading {
  rssi: number;
  ber: number | null;
  /** Null when the modem says "not known" (99). */
  dbm: number | null;
}

/** `+CSQ: <rssi>,<ber>`: 0 → −113 dBm or less, 1 → −111, 2…30 → −113+2·rssi, 31 → −51 or more, 99 unknown. */
export function parseCsqExecResponse(lines: readonly string[] | string): CsqReading | null {
  const f = fieldsOf(lines, '+CSQ:');
  const rssi = int(f?.[0]);
  if (!f || rssi === null) return null;
  const berRaw = int(f[1]);
  return { rssi, ber: berRaw === null || berRaw === 99 ? null : berRaw, dbm: csqRssiToDbm(rssi) };
}

export function csqRssiToDbm(rssi: number): number | null {
  if (rssi >= 0 && rssi <= 31) return -113 + 2 * rssi;
  if (rssi >= 100 && rssi <= 191) return -116 + (rssi - 100); // Quectel's extended TD-SCDMA range
  return null;
}

export interface CesqReading {
  rxlevDbm: number | null;
  ber: number | null;
  rscpDbm: number | null;
  ecnoDb: number | null;
  rsrqDb: number | null;
  rsrpDbm: number | null;
}

/** `+CESQ: <rxlev>,<ber>,<rscp>,<ecno>,<rsrq>,<rsrp>`; 99 / 255 mean not available. */
export function parseCesqExecResponse(lines: readonly string[] | string): CesqReading | null {
  const f = fieldsOf(lines, '+CESQ:');
  if (!f || f.length < 6) return null;
  const v = f.map(int);
  if (v.slice(0, 6).some((x) => x === null)) return null;
  const [rxlev, ber, rscp, ecno, rsrq, rsrp] = v as number[];
  const inRange = (x: number, max: number) => x >= 0 && x <= max;
  return {
    rxlevDbm: inRange(rxlev, 63) ? -111 + rxlev : null,
    ber: inRange(ber, 7) ? ber : null,
    rscpDbm: inRange(rscp, 96) ? -121 + rscp : null,
    ecnoDb: inRange(ecno, 49) ? -24.5 + 0.5 * ecno : null,
    rsrqDb: inRange(rsrq, 34) ? -20 + 0.5 * rsrq : null,
    rsrpDbm: inRange(rsrp, 97) ? -141 + rsrp : null,
  };
}

// --- registration ------------------------------------------------------------------------------

export type RegistrationState =
  | 'idle'
  | 'home'
  | 'searching'
  | 'denied'
  | 'unknown'
  | 'roaming'
  | 'home-sms-only'
  | 'roaming-sms-only'
  | 'emergency-only'
  | 'home-csfb-not-preferred'
  | 'roaming-csfb-not-preferred'
  | 'attached-rlos';

const REG_STATES: RegistrationState[] = [
  'idle',
  'home',
  'searching',
  'denied',
  'unknown',
  'roaming',
  'home-sms-only',
  'roaming-sms-only',
  'emergency-only',
  'home-csfb-not-preferred',
  'roaming-csfb-not-preferred',
  'attached-rlos',
];

export interface Registration {
  /** circuit: +CREG; packet: +CGREG (GPRS/UMTS); eps: +CEREG (LTE). */
  domain: 'circuit' | 'packet' | 'eps';
  form: 'read' | 'unsolicited';
  /** The URC setting, present in read replies only. */
  n?: number;
  stat: number;
  state: RegistrationState;
  lac?: string;
  ci?: string;
  act?: number;
}

const REG_PREFIXES = { '+CREG:': 'circuit', '+CGREG:': 'packet', '+CEREG:': 'eps' } as const;

/**
 * A location area / tracking area code, not a <stat>: quoted in the line, or longer than two characters.
 * ModemManager resolves the `<n>,<stat>` versus `<stat>,<lac>` ambiguity the same way.
 */
function looksLikeLac(raw: string): boolean {
  const t = raw.trim();
  return t.startsWith('"') || t.length > 2;
}

/**
 * `+CREG:` / `+CGREG:` / `+CEREG:` in all the forms modems send: read replies `<n>,<stat>[,<lac>,<ci>[,<AcT>…]]`
 * and unsolicited `<stat>` or `<stat>,<lac>,<ci>[,<AcT>]`.
 */
export function parseCregReadResponse(lines: readonly string[] | string): Registration | null {
  const list = typeof lines === 'string' ? [lines] : lines;
  for (const line of list) {
    const prefix = (Object.keys(REG_PREFIXES) as Array<keyof typeof REG_PREFIXES>).find((p) => line.startsWith(p));
    if (!prefix) continue;
    const body = line.slice(prefix.length).trim();
    const rawParts = splitRaw(body);
    const f = splitFields(body);
    let form: Registration['form'];
    let n: number | undefined;
    let rest: string[];
    if (f.length === 1) {
      form = 'unsolicited';
      rest = f;
    } else if (rawParts.length >= 2 && looksLikeLac(rawParts[1])) {
      form = 'unsolicited';
      rest = f;
    } else {
      form = 'read';
      n = int(f[0]) ?? undefined;
      rest = f.slice(1);
    }
    const stat = int(rest[0]);
    if (stat === null || (form === 'read' && n === undefined)) return null;
    const reg: Registration = { domain: REG_PREFIXES[prefix], form, stat, state: stat >= 0 && stat < REG_STATES.length ? REG_STATES[stat] : 'unknown' };
    if (n !== undefined) reg.n = n;
    if (rest[1]) reg.lac = rest[1].toUpperCase();
    if (rest[2]) reg.ci = rest[2].toUpperCase();
    const act = int(rest[3]);
    if (act !== null) reg.act = act;
    return reg;
  }
  return null;
}

/** True when a registration line has the shape of a read reply (used to tell it from a URC). */
export function isRegistrationReadReply(line: string): boolean {
  return parseCregReadResponse(line)?.form === 'read';
}

// --- operator ----------------------------------------------------------------------------------

export interface OperatorInfo {
  mode: number;
  /** 0 long alphanumeric, 1 short alphanumeric, 2 numeric (MCC+MNC). */
  format?: number;
  operator?: string;
  act?: number;
}

/** `+COPS: <mode>[,<format>,<oper>[,<AcT>]]`; a bare `+COPS: 0` means no operator selected. */
export function parseCopsReadResponse(lines: readonly string[] | string): OperatorInfo | null {
  const f = fieldsOf(lines, '+COPS:');
  const mode = int(f?.[0]);
  if (!f || mode === null) return null;
  const info: OperatorInfo = { mode };
  const format = int(f[1]);
  if (format !== null) info.format = format;
  if (f[2]) info.operator = f[2];
  const act = int(f[3]);
  if (act !== null) info.act = act;
  return info;
}

// --- SIM -----------------------------------------------------------------------------------------

export type SimLockState = 'ready' | 'pin' | 'puk' | 'pin2' | 'puk2' | 'ph-pin' | 'other';

export interface CpinReading {
  /** As the modem said it: `READY`, `SIM PIN`, `PH-NET PIN`. */
  code: string;
  state: SimLockState;
}

/** `+CPIN: <code>`, some modems quote it; longer codes are matched first (SIM PIN2 before SIM PIN). */
export function parseCpinReadResponse(lines: readonly string[] | string): CpinReading | null {
  const f = fieldsOf(lines, '+CPIN:');
  if (!f || !f[0]) return null;
  const code = f[0].trim().toUpperCase();
  const table: Array<[string, SimLockState]> = [
    ['READY', 'ready'],
    ['SIM PIN2', 'pin2'],
    ['SIM PUK2', 'puk2'],
    ['SIM PIN', 'pin'],
    ['SIM PUK', 'puk'],
    ['PH-', 'ph-pin'],
  ];
  for (const [prefix, state] of table) if (code.startsWith(prefix)) return { code, state };
  return { code, state: 'other' };
}

/**
 * The ICCID from `AT+CCID` / `AT+ICCID` / `AT^ICCID?` (`+CCID: 8986…`, `+ICCID: …`, `^ICCID: …` or the bare
 * digits on a line of their own, as SIM800 answers). Some modules return it nibble-swapped; an
 * ICCID always starts with 89 (ITU-T E.118), so a swapped one starting 98 is turned round.
 */
export function parseCcidExecResponse(lines: readonly string[] | string): string | null {
  const list = typeof lines === 'string' ? [lines] : lines;
  for (const line of list) {
    const m = /^(?:\+CCID:|\+ICCID:|\^ICCID:|\+QCCID:)?\s*"?([0-9A-Fa-f]{18,22})"?\s*$/.exec(line.trim());
    if (!m) continue;
    return normaliseIccid(m[1]);
  }
  return null;
}

/** `+CRSM: <sw1>,<sw2>,"<hex>"` of READ BINARY on EF_ICCID: accepted on 90 00 or SW1 91/92/9F; nibble-swapped. */
export function parseCrsmIccidResponse(lines: readonly string[] | string): string | null {
  const f = fieldsOf(lines, '+CRSM:');
  const sw1 = int(f?.[0]);
  const sw2 = int(f?.[1]);
  if (!f || sw1 === null || sw2 === null || !f[2]) return null;
  const ok = (sw1 === 0x90 && sw2 === 0) || sw1 === 0x91 || sw1 === 0x92 || sw1 === 0x9f;
  if (!ok) return null;
  return normaliseIccid(swapNibbles(f[2]));
}

export function swapNibbles(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) out += hex[i + 1] + hex[i];
  return out;
}

function normaliseIccid(raw: string): string | null {
  let s = raw.toUpperCase();
  if (s.startsWith('98')) s = swapNibbles(s);
  s = s.replace(/F+$/, '');
  if (!/^89[0-9]{17,18}$/.test(s)) return null;
  return s;
}

// --- packet domain -----------------------------------------------------------------------------

/** `+CGATT: <state>`: true attached, false detached. */
export function parseCgattReadResponse(lines: readonly string[] | string): boolean | null {
  const v = int(fieldsOf(lines, '+CGATT:')?.[0]);
  return v === 0 ? false : v === 1 ? true : null;
}

export interface PdpContext {
  cid: number;
  pdpType: string;
  apn: string;
  address?: string;
}

/** `+CGDCONT: <cid>,<PDP_type>,<APN>[,<PDP_addr>,…]`, one line per defined context. */
export function parseCgdcontReadResponse(lines: readonly string[]): PdpContext[] {
  const out: PdpContext[] = [];
  for (const f of fieldsOfEach(lines, '+CGDCONT:')) {
    const cid = int(f[0]);
    if (cid === null) continue;
    const ctx: PdpContext = { cid, pdpType: f[1] ?? '', apn: f[2] ?? '' };
    if (f[3] && !isEmptyAddress(f[3])) ctx.address = f[3];
    out.push(ctx);
  }
  return out;
}

export interface PdpAddress {
  cid: number;
  addresses: string[];
}

/** `+CGPADDR: <cid>[,<PDP_addr_1>[,<PDP_addr_2>]]`; `0.0.0.0` and empty mean no address. */
export function parseCgpaddrExecResponse(lines: readonly string[]): PdpAddress[] {
  const out: PdpAddress[] = [];
  for (const f of fieldsOfEach(lines, '+CGPADDR:')) {
    const cid = int(f[0]);
    if (cid === null) continue;
    out.push({ cid, addresses: f.slice(1).filter((a) => a !== '' && !isEmptyAddress(a)) });
  }
  return out;
}

function isEmptyAddress(a: string): boolean {
  return /^0+(\.0+){3}$/.test(a) || /^[0:.]+$/.test(a);
}

// --- identity ----------------------------------------------------------------------------------

/**
 * AT+CGMI / +CGMM / +CGMR / +CGSN (and CIMI): free text on its own line, some modules with a
 * `+CGMI: ` style prefix and quotes. Returns the first non-empty line without them.
 */
export function parseIdentityResponse(lines: readonly string[], command: 'CGMI' | 'CGMM' | 'CGMR' | 'CGSN' | 'CIMI'): string | null {
  for (const raw of lines) {
    let line = raw.trim();
    const prefix = new RegExp(`^\\+${command}:\\s*`, 'i');
    line = line
      .replace(prefix, '')
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (command === 'CGMR') line = line.replace(/^Revision:\s*/i, '');
    if (line) return line;
  }
  return null;
}

export const parseCgmiExecResponse = (lines: readonly string[]) => parseIdentityResponse(lines, 'CGMI');
export const parseCgmmExecResponse = (lines: readonly string[]) => parseIdentityResponse(lines, 'CGMM');
export const parseCgmrExecResponse = (lines: readonly string[]) => parseIdentityResponse(lines, 'CGMR');
/** The IMEI: 15 digits (14 + check digit); a reply that is not one gives null. */
export function parseCgsnExecResponse(lines: readonly string[]): string | null {
  const v = parseIdentityResponse(lines, 'CGSN');
  return v && /^\d{14,17}$/.test(v) ? v : null;
}
/** The IMSI: 6 to 15 digits. */
export function parseCimiExecResponse(lines: readonly string[]): string | null {
  const v = parseIdentityResponse(lines, 'CIMI');
  return v && /^\d{6,15}$/.test(v) ? v : null;
}
