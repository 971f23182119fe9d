/**
 * A simulated cellular modem speaking AT as a SIMCom SIM800 does (3GPP TS 27.007 and V.250): echo on
 * at power-up, `\r\n<line>\r\n` framing in verbose mode (`<line>\r\n` and numeric results after ATV0),
 * +CME ERROR in numeric or verbose form after AT+CMEE=1/2, charset queries, AT+CREG=2 with location area
 * and cell id, the AT+COPS=3,x format switch, packet-domain queries, IMSI and ICCID. Each fault of
 * DESIGN.md changes what it reports; `silent` and `garbage` are the base simulator's line faults.
 *
 * Sample replies follow devices.md §1.3 and the SIM800 transcript in compat-clients.md §3.
 */
import { DeviceSimulator, SimulatorOptions } from './simulator';
import { FaultOf, knownFault } from './faults';

export type ModemFault = FaultOf<'modem'>;

export interface ModemSimOptions extends SimulatorOptions {
  /** urc-storm: one URC every this many ms. Default 5. */
  urcIntervalMs?: number;
  /** False: a line of more than one command is answered ERROR, as some modems do (the no-concat fault). */
  concatenation?: boolean;
  /** unplug: the command (without AT, upper case) during whose reply the plug is pulled. Default `+CSQ`. */
  unplugOn?: string;
  /**
   * What the modem says it is, instead of MODEM_IDENTITY, and the operator's long name: a hostile or broken
   * modem (escape sequences, a card number, a megabyte) for the tests of what reaches the screen.
   */
  identity?: Partial<Record<keyof typeof MODEM_IDENTITY | 'operator', string>>;
}

interface Operator {
  long: string;
  short: string;
  numeric: string;
}

/** The modem's state: what the faults change and what the host can set. */
export interface ModemState {
  echo: boolean;
  verbose: boolean;
  cmee: 0 | 1 | 2;
  /** URC mode per registration command (AT+CREG=n). */
  regN: { CREG: number; CGREG: number; CEREG: number };
  copsFormat: 0 | 1 | 2;
  charset: string;
  sim: 'ready' | 'pin' | 'absent';
  pin: string;
  rssi: number;
  ber: number;
  /** <stat> of +CREG (circuit) and +CGREG (packet). */
  creg: number;
  cgreg: number;
  attached: boolean;
  /** What AT+CGATT=1 answers when detached: null attaches, a number is the +CME ERROR it gives. */
  attachError: number | null;
  operator: Operator | null;
  lac: string;
  ci: string;
  contexts: Array<{ cid: number; type: string; apn: string }>;
  ip: string | null;
}

const HOME: Operator = { long: 'CHINA MOBILE', short: 'CMCC', numeric: '46000' };
const ROAMING: Operator = { long: 'Chunghwa Telecom', short: 'CHT', numeric: '46692' };

export const MODEM_IDENTITY = {
  manufacturer: 'SIMCOM_Ltd',
  model: 'SIMCOM_SIM800L',
  revision: 'Revision:1418B04SIM800L24',
  imei: '869170031234567',
  imsi: '460001234567890',
  iccid: '89860012345678901234',
} as const;

function powerUpState(): ModemState {
  return {
    echo: true,
    verbose: true,
    cmee: 0,
    regN: { CREG: 0, CGREG: 0, CEREG: 0 },
    copsFormat: 0,
    charset: 'IRA',
    sim: 'ready',
    pin: '1234',
    rssi: 21,
    ber: 0,
    creg: 1,
    cgreg: 1,
    attached: true,
    attachError: null,
    operator: HOME,
    lac: '1A2B',
    ci: '01C3D4E5',
    contexts: [{ cid: 1, type: 'IP', apn: 'CMNET' }],
    ip: '10.81.23.45',
  };
}

/** How each fault changes the power-up state. Line faults (silent, garbage, unplug) are applied separately. */
const FAULT_STATE: Partial<Record<ModemFault, Partial<ModemState>>> = {
  'no-sim': { sim: 'absent', creg: 0, cgreg: 0, attached: false, operator: null, ip: null },
  'sim-pin': { sim: 'pin', creg: 0, cgreg: 0, attached: false, operator: null, ip: null },
  // A dead spot: the modem hears nothing usable (CSQ 0 is −113 dBm or less) and keeps searching.
  'no-signal': { rssi: 0, ber: 99, creg: 2, cgreg: 2, attached: false, operator: null, ip: null },
  'weak-signal': { rssi: 6, ber: 5 },
  denied: { rssi: 18, creg: 3, cgreg: 3, attached: false, operator: null, ip: null },
  searching: { rssi: 12, creg: 2, cgreg: 2, attached: false, operator: null, ip: null },
  roaming: { creg: 5, cgreg: 5, operator: ROAMING },
  'not-attached': { cgreg: 0, attached: false, ip: null, attachError: 148 },
};

const CME_TEXT: Record<number, string> = {
  3: 'operation not allowed',
  4: 'operation not supported',
  10: 'SIM not inserted',
  11: 'SIM PIN required',
  16: 'incorrect password',
  30: 'no network service',
  50: 'incorrect parameters',
  148: 'unspecified GPRS error',
};

const CHARSETS = ['IRA', 'GSM', 'UCS2', 'HEX', 'PCCP', 'PCDN', '8859-1'];

type Outcome = { info: string[]; final: 'OK' | 'ERROR' | { cme: number } };

export class ModemSimulator extends DeviceSimulator {
  state: ModemState;
  private input = '';
  private stormTimer: unknown = null;
  private stormCount = 0;
  private readonly stormInterval: number;
  private readonly unplugOn: string;
  private readonly concatenation: boolean;
  /** The last command line's body, for A/; before any, the empty line (which answers OK). */
  private lastBody = '';
  private readonly identity: Record<keyof typeof MODEM_IDENTITY, string>;

  constructor(
    readonly fault: ModemFault = 'healthy',
    options: ModemSimOptions = {},
  ) {
    super({
      ...options,
      faults: { ...options.faults, silent: fault === 'silent' || options.faults?.silent, garbage: fault === 'garbage' || options.faults?.garbage },
    });
    this.state = { ...powerUpState(), ...FAULT_STATE[fault] };
    this.stormInterval = options.urcIntervalMs ?? 5;
    this.unplugOn = options.unplugOn ?? '+CSQ';
    this.concatenation = fault !== 'no-concat' && options.concatenation !== false;
    this.identity = { ...MODEM_IDENTITY, ...options.identity };
    if (options.identity?.operator !== undefined) this.state.operator = { ...HOME, long: options.identity.operator };
  }

  override stop(): void {
    this.stopStorm();
    super.stop();
  }

  override unplug(): void {
    this.stopStorm();
    super.unplug();
  }

  protected onHostBytes(chunk: Buffer): void {
    if (this.fault === 'urc-storm' && this.stormTimer === null) this.startStorm();
    const text = chunk.toString('latin1');
    // V.250: characters are echoed as they arrive, command or not.
    if (this.state.echo) this.reply(chunk);
    for (const ch of text) {
      if (ch === '\r') {
        const line = this.input.trim();
        this.input = '';
        if (line.length > 0) this.onCommandLine(line);
      } else if (ch === '\n' && this.input === '') {
        // an LF after the CR of the previous line
      } else if (ch === '\b' || ch === '\x7f') {
        this.input = this.input.slice(0, -1);
      } else {
        this.input += ch;
        if (this.input.length > 556) this.input = ''; // V.250: at least 40 chars; SIM800 takes 556
        // V.250 5.2.4: "A/" runs the previous command line again at once, with no CR.
        if (/^a\/$/i.test(this.input.trimStart())) {
          this.input = '';
          this.runBody(this.lastBody);
        }
      }
    }
  }

  private onCommandLine(line: string): void {
    if (!/^AT/i.test(line)) return; // not a command line: a real modem ignores it
    const body = withoutSpaces(line.slice(2));
    this.lastBody = body;
    this.runBody(body);
  }

  /**
   * A command line's body (after "AT"): its commands in turn, each one's information text in order, up to
   * the first that fails (V.250: the rest of the line is not executed), then one final result. Without
   * concatenation, a line of more than one command is answered ERROR as a whole and nothing runs.
   */
  private runBody(body: string): void {
    const commands = splitCommands(body);
    if (!this.concatenation && commands.length > 1) {
      this.respond([], 'ERROR');
      return;
    }
    const info: string[] = [];
    let final: Outcome['final'] = 'OK';
    for (const cmd of commands) {
      if (this.fault === 'unplug' && cmd.toUpperCase().startsWith(this.unplugOn)) {
        // The plug comes out while this command answers: what the line's earlier commands said goes out whole.
        if (info.length > 0) this.reply(this.frame(info));
        const out = this.execute(cmd);
        void this.flushed().then(() => {
          this.faults.unplugMidReply = true;
          this.respond(out.info, out.final);
        });
        return;
      }
      const out = this.execute(cmd);
      info.push(...out.info);
      final = out.final;
      if (final !== 'OK') break;
    }
    this.respond(info, final);
  }

  /** Information text as the modem frames it: `\r\n<line>\r\n` verbose, `<line>\r\n` after ATV0. */
  private frame(info: string[]): string {
    return info.map((l) => (this.state.verbose ? `\r\n${l}\r\n` : `${l}\r\n`)).join('');
  }

  private respond(info: string[], final: Outcome['final']): void {
    const s = this.state;
    let out = this.frame(info);
    if (final === 'OK') out += s.verbose ? '\r\nOK\r\n' : '0\r';
    else if (final === 'ERROR' || s.cmee === 0) out += s.verbose ? '\r\nERROR\r\n' : '4\r';
    else {
      const text = s.cmee === 2 ? (CME_TEXT[final.cme] ?? 'unknown') : String(final.cme);
      out += s.verbose ? `\r\n+CME ERROR: ${text}\r\n` : `+CME ERROR: ${text}\r\n`;
    }
    this.reply(out);
  }

  /** One command of a command line (`E0`, `+CREG?`). */
  private execute(cmd: string): Outcome {
    const s = this.state;
    const ok = (...info: string[]): Outcome => ({ info, final: 'OK' });
    const cme = (code: number): Outcome => ({ info: [], final: { cme: code } });
    const error: Outcome = { info: [], final: 'ERROR' };
    const upper = cmd.toUpperCase();

    // Basic commands (V.250).
    let m: RegExpExecArray | null;
    if (upper === '') return ok();
    if ((m = /^E([01]?)$/.exec(upper))) {
      if (this.fault !== 'echo') s.echo = m[1] === '1';
      return ok();
    }
    if ((m = /^V([01]?)$/.exec(upper))) {
      s.verbose = m[1] === '1';
      return ok();
    }
    if (/^(Z0?|&F0?)$/.test(upper)) {
      const fresh = powerUpState();
      s.echo = this.fault === 'echo' ? true : fresh.echo;
      s.verbose = fresh.verbose;
      s.cmee = fresh.cmee;
      s.regN = fresh.regN;
      s.copsFormat = fresh.copsFormat;
      return ok();
    }
    if (/^(Q0|X[0-4]|&C[01]|&D[0-2]|&W0?|S\d+=\d+|L\d|M\d)$/.test(upper)) return ok();
    if (upper === 'I' || upper === 'I0') return ok('SIM800 R14.18');
    if (upper === '+GCAP') return ok('+GCAP: +CGSM');

    // Identity.
    if (/^\+C?GMI$/.test(upper)) return ok(this.identity.manufacturer);
    if (/^\+C?GMM$/.test(upper)) return ok(this.identity.model);
    if (/^\+C?GMR$/.test(upper)) return ok(this.identity.revision);
    if (/^\+C?GSN$/.test(upper)) return ok(this.identity.imei);
    if (upper === '+CIMI') return s.sim === 'absent' ? cme(10) : s.sim === 'pin' ? cme(11) : ok(this.identity.imsi);
    if (upper === '+CCID' || upper === '+ICCID') return s.sim === 'absent' ? cme(10) : ok(this.identity.iccid);
    if (upper.startsWith('+CRSM=')) {
      if (s.sim === 'absent') return cme(10);
      if (upper.replace(/\s/g, '') === '+CRSM=176,12258,0,0,10') return ok(`+CRSM: 144,0,"${swap(MODEM_IDENTITY.iccid)}"`);
      return ok('+CRSM: 106,130'); // 6A 82: file not found
    }

    // Error reporting and charset.
    if ((m = /^\+CMEE=([0-2])$/.exec(upper))) {
      s.cmee = Number(m[1]) as 0 | 1 | 2;
      return ok();
    }
    if (upper === '+CMEE?') return ok(`+CMEE: ${s.cmee}`);
    if (upper === '+CMEE=?') return ok('+CMEE: (0-2)');
    if (upper === '+CSCS?') return ok(`+CSCS: "${s.charset}"`);
    if (upper === '+CSCS=?') return ok(`+CSCS: (${CHARSETS.map((c) => `"${c}"`).join(',')})`);
    if ((m = /^\+CSCS="?([^"]*)"?$/.exec(upper))) {
      if (!CHARSETS.includes(m[1])) return cme(4);
      s.charset = m[1];
      return ok();
    }

    // SIM.
    if (upper === '+CPIN?') {
      if (s.sim === 'absent') return cme(10);
      return ok(`+CPIN: ${s.sim === 'pin' ? 'SIM PIN' : 'READY'}`);
    }
    if ((m = /^\+CPIN="?(\d{4,8})"?$/.exec(upper))) {
      if (s.sim === 'absent') return cme(10);
      if (s.sim === 'ready') return cme(3);
      if (m[1] !== s.pin) return cme(16);
      Object.assign(s, { sim: 'ready', creg: 1, cgreg: 1, attached: true, operator: HOME, ip: powerUpState().ip });
      return ok();
    }
    if (upper === '+CFUN?') return ok('+CFUN: 1');
    if (/^\+CFUN=[014](,[01])?$/.test(upper)) return ok();
    if (upper === '+CBC') return ok('+CBC: 0,78,4012');

    // Signal.
    if (upper === '+CSQ') return ok(`+CSQ: ${s.rssi},${s.ber}`);
    if (upper === '+CSQ=?') return ok('+CSQ: (0-31,99),(0-7,99)');
    if (upper === '+CESQ') {
      const rxlev = s.rssi === 99 ? 99 : Math.min(63, Math.max(0, -113 + 2 * s.rssi + 111));
      return ok(`+CESQ: ${rxlev},${s.ber === 99 ? 99 : s.ber},255,255,255,255`);
    }

    // Registration. SIM800 is a 2G modem: no +CEREG.
    if ((m = /^\+(CREG|CGREG)(\?|=\?|=([0-2]))$/.exec(upper))) {
      const which = m[1] as 'CREG' | 'CGREG';
      if (m[2] === '=?') return ok(`+${which}: (0-2)`);
      if (m[3] !== undefined) {
        s.regN[which] = Number(m[3]);
        return ok();
      }
      const stat = which === 'CREG' ? s.creg : s.cgreg;
      const n = s.regN[which];
      const located = n === 2 && (stat === 1 || stat === 5);
      return ok(`+${which}: ${n},${stat}${located ? `,"${s.lac}","${s.ci}"` : ''}`);
    }

    // Operator.
    if (upper === '+COPS?') {
      if (!s.operator) return ok('+COPS: 0');
      const name = [s.operator.long, s.operator.short, s.operator.numeric][s.copsFormat];
      return ok(`+COPS: 0,${s.copsFormat},"${name}"`);
    }
    if ((m = /^\+COPS=3,([0-2])$/.exec(upper))) {
      s.copsFormat = Number(m[1]) as 0 | 1 | 2;
      return ok();
    }
    if (upper === '+COPS=?')
      return ok(
        `+COPS: (2,"${s.operator?.long ?? HOME.long}","${s.operator?.short ?? HOME.short}","${s.operator?.numeric ?? HOME.numeric}"),(3,"CHN-UNICOM","UNICOM","46001"),,(0-4),(0-2)`,
      );
    if (/^\+COPS=[0-4](,.*)?$/.test(upper)) return s.sim === 'ready' ? ok() : cme(s.sim === 'absent' ? 10 : 11);

    // Packet domain.
    if (upper === '+CGATT?') return ok(`+CGATT: ${s.attached ? 1 : 0}`);
    if (upper === '+CGATT=?') return ok('+CGATT: (0,1)');
    if ((m = /^\+CGATT=([01])$/.exec(upper))) {
      if (m[1] === '0') {
        Object.assign(s, { attached: false, ip: null });
        return ok();
      }
      if (s.attached) return ok();
      if (s.sim !== 'ready') return cme(s.sim === 'absent' ? 10 : 11);
      if (s.creg !== 1 && s.creg !== 5) return cme(30);
      if (s.attachError !== null) return cme(s.attachError);
      Object.assign(s, { attached: true, cgreg: s.creg, ip: powerUpState().ip });
      return ok();
    }
    if (upper === '+CGDCONT?') {
      return ok(...s.contexts.map((c) => `+CGDCONT: ${c.cid},"${c.type}","${c.apn}","${c.cid === 1 && s.ip ? s.ip : '0.0.0.0'}",0,0`));
    }
    if ((m = /^\+CGDCONT=(\d+),"([^"]*)","([^"]*)"/i.exec(cmd))) {
      const cid = Number(m[1]);
      // The PDP type is a keyword; the APN is kept as the host wrote it.
      s.contexts = [...s.contexts.filter((c) => c.cid !== cid), { cid, type: m[2].toUpperCase(), apn: m[3] }].sort((a, b) => a.cid - b.cid);
      return ok();
    }
    if ((m = /^\+CGPADDR(=(\d+))?$/.exec(upper))) {
      const cids = m[2] ? [Number(m[2])] : s.contexts.map((c) => c.cid);
      if (m[2] && !s.contexts.some((c) => c.cid === Number(m![2]))) return cme(50);
      return ok(...cids.map((cid) => `+CGPADDR: ${cid},"${cid === 1 && s.ip ? s.ip : '0.0.0.0'}"`));
    }
    if (upper === '+CGACT?') return ok(...s.contexts.map((c) => `+CGACT: ${c.cid},${c.cid === 1 && s.ip ? 1 : 0}`));

    return error;
  }

  private startStorm(): void {
    const urcs = [`+CREG: 1,"${this.state.lac}","${this.state.ci}"`, '+CIEV: "SIGNAL",3', '+CGREG: 1', `+CREG: 1`, '+CTZV: "+32"'];
    const tick = () => {
      this.stormTimer = this.clock.setTimeout(tick, this.stormInterval);
      this.reply(`\r\n${urcs[this.stormCount % urcs.length]}\r\n`);
      this.stormCount++;
    };
    this.stormTimer = this.clock.setTimeout(tick, this.stormInterval);
  }

  private stopStorm(): void {
    if (this.stormTimer !== null) this.clock.clearTimeout(this.stormTimer);
    this.stormTimer = -1 as unknown; // never again
  }
}

/**
 * Splits what follows `AT` into commands: basic ones (`E0`, `V1`, `&C1`) run together, extended ones
 * (`+CREG?`) separated by `;` (V.250 §5.4). Quoted text is kept whole.
 */
/** V.250 5.1: spaces in a command line are ignored, except inside a string constant ("my apn"). */
export function withoutSpaces(body: string): string {
  let quoted = false;
  let out = '';
  for (const ch of body) {
    if (ch === '"') quoted = !quoted;
    if (ch !== ' ' || quoted) out += ch;
  }
  return out;
}

export function splitCommands(body: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === ';' || ch === ' ') {
      i++;
      continue;
    }
    if (ch === '+' || ch === '^' || ch === '*' || ch === '%' || ch === '$') {
      let j = i + 1;
      let quoted = false;
      while (j < body.length && (quoted || body[j] !== ';')) {
        if (body[j] === '"') quoted = !quoted;
        j++;
      }
      out.push(body.slice(i, j));
      i = j;
      continue;
    }
    const m = /^(&?[A-Za-z])(\d*(=\d+)?\??)/.exec(body.slice(i));
    if (!m) {
      out.push(body.slice(i)); // something we do not know; execute() says ERROR
      break;
    }
    out.push(m[0]);
    i += m[0].length;
  }
  if (out.length === 0) out.push('');
  return out;
}

function swap(digits: string): string {
  const padded = digits.length % 2 ? digits + 'F' : digits;
  let out = '';
  for (let i = 0; i < padded.length; i += 2) out += padded[i + 1] + padded[i];
  return out;
}

export function createModemSimulator(fault: string, options: ModemSimOptions = {}): ModemSimulator {
  return new ModemSimulator(knownFault('modem', fault), options);
}
