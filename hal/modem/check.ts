/**
 * The modem's self-check: the sequence of devices.md §7 as findings. Levels:
 * - internal: only looks. Probe, init (ATE0/ATV1/AT+CMEE=1, as ModemManager does on every open), identity,
 *   SIM, ICCID, signal, circuit and packet registration, operator (AT+COPS=3,x only switches the reply
 *   format, as ModemManager does), packet attach, PDP contexts and addresses.
 * - external: may act. Also asks for the cell location (AT+CREG=2, put back afterwards) and, when the
 *   modem is detached but registered, tries AT+CGATT=1 and reports whether that helped.
 *
 * Every misbehaviour becomes a finding; the check stops at the first sign that the modem is gone
 * (unplugged, or too many timeouts in a row) and always closes the port.
 */
import type { DeviceEnv } from '../check-env';
import { Stop, transportFinding } from '../check-step';
import { isHalError } from '../errors';
import type { CheckContext, DeviceCheck, Finding } from '../selfcheck';
import type { ModemConfig } from './config';
import { clampOptions } from '../options';
import { lineSettingsOf } from '../transport/line-settings';
import type { LineTiming } from '../transport/serial-line';
import {
  isRegistrationReadReply,
  parseCcidExecResponse,
  parseCesqExecResponse,
  parseCgattReadResponse,
  parseCgdcontReadResponse,
  parseCgmiExecResponse,
  parseCgmmExecResponse,
  parseCgmrExecResponse,
  parseCgpaddrExecResponse,
  parseCgsnExecResponse,
  parseCopsReadResponse,
  parseCpinReadResponse,
  parseCregReadResponse,
  parseCrsmIccidResponse,
  parseCsqExecResponse,
  Registration,
} from './at-parsers';
import { assessSim, gradeRegistration, gradeSignal } from './assess';
import { loadBatchRunner } from './batch-bundle';
import { AtResult, BatchEntry, ExecOptions, ModemDriver } from './driver';
import { MODEM_TIMEOUTS, ModemTimeouts } from './timeouts';

export interface ModemCheckOptions {
  timeouts?: Partial<ModemTimeouts>;
  lineTiming?: Partial<LineTiming>;
  /**
   * The device's budget in the runner. Default 25 000 ms (room for ModemManager's 6 probes of 3 s), more
   * when the configured probes need it: every probe plus 7 s for the rest of the sequence.
   */
  budgetMs?: number;
  /** More URCs a second than this during the check is reported as a storm. Default 20. */
  urcStormPerSecond?: number;
}

export const MODEM_CHECK_DEFAULTS = { budgetMs: 25_000, urcStormPerSecond: 20 } as const;

export function createModemCheck(env: Pick<DeviceEnv<ModemConfig>, 'binding' | 'clock'>, device: ModemConfig, options: ModemCheckOptions = {}): DeviceCheck {
  // The configured timeouts, then the caller's for this run (a test's short deadlines).
  options = { ...options, timeouts: { ...device.timeouts, ...options.timeouts } };
  const t = clampOptions(MODEM_TIMEOUTS, options.timeouts); // only for the budget: the driver refuses bad values itself
  return {
    device: 'modem',
    budgetMs: options.budgetMs ?? Math.max(MODEM_CHECK_DEFAULTS.budgetMs, t.probeTries * t.probeMs + 7_000),
    run: (ctx) => runModemCheck(env, device, options, ctx),
  };
}

async function runModemCheck(
  env: Pick<DeviceEnv<ModemConfig>, 'binding' | 'clock'>,
  device: ModemConfig,
  options: ModemCheckOptions,
  ctx: CheckContext,
): Promise<void> {
  const clock = ctx.clock ?? env.clock;
  let modem: ModemDriver;
  try {
    modem = await ModemDriver.open({
      binding: env.binding,
      path: device.path,
      baudRate: device.baudRate,
      clock,
      timeouts: options.timeouts,
      lineTiming: options.lineTiming,
      line: lineSettingsOf(device),
    });
  } catch (err) {
    if (!isHalError(err) || err.code === 'Config_Invalid') throw err;
    ctx.report(transportFinding('modem', 'modem.link', err));
    return;
  }
  const started = clock.now();
  const t = modem.timeouts;
  const report = (f: Finding) => ctx.report(f);
  let current = 'open';
  /** Replies read ahead on combined command lines, per command, in the order the steps ask for them. */
  const ahead = new Map<string, BatchEntry[]>();

  /** Runs one command; transport trouble ends the check with a finding, a timeout is a finding for `id`. */
  const exec = async (id: string, command: string, opts: Omit<ExecOptions, 'signal'>): Promise<AtResult | null> => {
    current = command;
    try {
      const read = ahead.get(command)?.shift();
      if (read && 'thrown' in read) throw read.thrown;
      return read ? read.result : await modem.exec(command, { ...opts, signal: ctx.signal });
    } catch (err) {
      if (ctx.signal.aborted) throw new Stop();
      if (isHalError(err, 'Transport_Timeout')) {
        report({ id, status: 'timeout', value: opts.timeoutMs, unit: 'ms', message: 'check.modem.timeout', params: { command, timeoutMs: opts.timeoutMs } });
        return null;
      }
      throw err;
    }
  };

  try {
    await sequence();
  } catch (err) {
    if (!(err instanceof Stop)) {
      if (ctx.signal.aborted) return; // the runner has already said the budget was spent
      if (isHalError(err, 'Transport_Disconnected') || isHalError(err, 'Transport_Closed')) {
        report(transportFinding('modem', 'modem.link', err, { params: { command: current } }));
      } else if (isHalError(err, 'Modem_Gone')) {
        report({ id: 'modem.connection', status: 'fail', value: 'Modem_Gone', message: 'check.modem.gone', params: { timeouts: t.goneAfterTimeouts } });
      } else if (isHalError(err)) {
        // Line trouble such as an overflow (a device streaming without line ends): said as a finding, with the command.
        report({
          id: 'modem.connection',
          status: 'fail',
          value: err.code,
          message: 'check.modem.line-error',
          params: { command: current, error: err.message },
        });
      } else throw err;
    }
  } finally {
    await modem.close();
  }

  async function sequence(): Promise<void> {
    // 1. Is there an AT modem at all?
    try {
      const probe = await modem.probe(ctx.signal);
      report({ id: 'modem.probe', status: 'pass', value: probe.tries, unit: 'tries', message: 'check.modem.probe.ok', params: { tries: probe.tries } });
    } catch (err) {
      if (ctx.signal.aborted) throw new Stop();
      if (isHalError(err, 'Modem_NoReply')) {
        report({
          id: 'modem.probe',
          status: 'fail',
          value: t.probeTries,
          unit: 'tries',
          message: 'check.modem.probe.no-reply',
          params: { tries: t.probeTries, timeoutMs: t.probeMs },
        });
        throw new Stop();
      }
      if (isHalError(err, 'Modem_Garbled')) {
        report({
          id: 'modem.probe',
          status: 'fail',
          value: 'garbled',
          message: 'check.modem.probe.garbled',
          params: { rxBytes: Number(err.context.rxBytes ?? 0) },
        });
        throw new Stop();
      }
      throw err;
    }

    // 2. Init, and whether echo really went off.
    current = 'ATE0';
    const init = await modem.init(ctx.signal).catch((err: unknown) => {
      if (ctx.signal.aborted) throw new Stop();
      if (isHalError(err, 'Transport_Timeout')) {
        report({
          id: 'modem.init',
          status: 'timeout',
          value: t.initMs,
          unit: 'ms',
          message: 'check.modem.timeout',
          params: { command: 'init', timeoutMs: t.initMs },
        });
        return null;
      }
      throw err;
    });
    if (init?.echoStuck) report({ id: 'modem.echo', status: 'warn', value: 'on', message: 'check.modem.echo.stuck' });

    // The queries of the steps below, read ahead on as few command lines as the modem takes.
    const items = loadBatchRunner()?.readAhead(t, ctx.level === 'internal') ?? [];
    const entries = await modem.execBatch(items, ctx.signal);
    items.forEach((item, i) => ahead.set(item.command, [...(ahead.get(item.command) ?? []), entries[i]]));

    await identity();
    const sim = await simCard();
    if (sim.present) await iccid();
    await signal();
    const circuit = await registration('modem.registration.circuit', ['+CREG']);
    await registration('modem.registration.packet', ['+CGREG', '+CEREG']);
    await operator();
    const attached = await packet(sim.ready, circuit);
    await pdp(attached);
    urcRate();
  }

  async function identity(): Promise<void> {
    const read = async (command: string, parse: (lines: string[]) => string | null) => {
      const r = await exec('modem.identity', command, { timeoutMs: t.identityMs });
      return r?.ok ? parse(r.lines) : null;
    };
    const manufacturer = await read('AT+CGMI', parseCgmiExecResponse);
    const model = await read('AT+CGMM', parseCgmmExecResponse);
    const revision = await read('AT+CGMR', parseCgmrExecResponse);
    const imei = await read('AT+CGSN', parseCgsnExecResponse);
    if (!manufacturer && !model) {
      report({ id: 'modem.identity', status: 'warn', message: 'check.modem.identity.unavailable' });
      return;
    }
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries({ manufacturer, model, revision, imei })) if (v) params[k] = v;
    report({ id: 'modem.identity', status: 'pass', value: [manufacturer, model].filter(Boolean).join(' '), message: 'check.modem.identity.ok', params });
  }

  async function simCard(): Promise<{ present: boolean; ready: boolean }> {
    const r = await exec('modem.sim', 'AT+CPIN?', { timeoutMs: t.simMs, prefixes: ['+CPIN:'] });
    if (!r) return { present: true, ready: false };
    const cpin = r.ok ? parseCpinReadResponse(r.lines) : null;
    const verdict = r.ok
      ? cpin
        ? assessSim({ cpin })
        : assessSim({ failure: { kind: 'error', text: r.lines.join(' ') || 'no +CPIN line' } })
      : assessSim({ failure: r.error });
    const params = cmeParams(r);
    if (cpin) params.code = cpin.code;
    report({ id: 'modem.sim', status: verdict.status, value: verdict.value, message: verdict.message, params });
    return { present: verdict.present, ready: verdict.value === 'ready' };
  }

  async function iccid(): Promise<void> {
    const ccid = await exec('modem.iccid', 'AT+CCID', { timeoutMs: t.iccidMs });
    let value = ccid?.ok ? parseCcidExecResponse(ccid.lines) : null;
    if (!value) {
      const crsm = await exec('modem.iccid', 'AT+CRSM=176,12258,0,0,10', { timeoutMs: t.crsmMs, prefixes: ['+CRSM:'] });
      value = crsm?.ok ? parseCrsmIccidResponse(crsm.lines) : null;
    }
    if (value) report({ id: 'modem.iccid', status: 'pass', value, message: 'check.modem.iccid.ok', params: { iccid: value } });
    else report({ id: 'modem.iccid', status: 'warn', message: 'check.modem.iccid.unavailable' });
  }

  async function signal(): Promise<void> {
    const r = await exec('modem.signal', 'AT+CSQ', { timeoutMs: t.signalMs, prefixes: ['+CSQ:'] });
    const csq = r?.ok ? parseCsqExecResponse(r.lines) : null;
    let dbm = csq?.dbm ?? null;
    let source = 'CSQ';
    if (dbm === null) {
      // No CSQ reading: an LTE-only modem may still give one through +CESQ.
      const e = await exec('modem.signal', 'AT+CESQ', { timeoutMs: t.signalMs, prefixes: ['+CESQ:'] });
      const cesq = e?.ok ? parseCesqExecResponse(e.lines) : null;
      const alt = cesq ? (cesq.rsrpDbm ?? cesq.rscpDbm ?? cesq.rxlevDbm) : null;
      if (alt !== null) {
        dbm = alt;
        source = 'CESQ';
      }
    }
    if (!r && dbm === null) return; // the timeout finding has been reported
    const g = gradeSignal(dbm);
    const params: Record<string, string | number> = { grade: g.grade, percent: g.percent, source };
    if (csq) params.rssi = csq.rssi;
    if (csq?.ber != null) params.ber = csq.ber;
    if (dbm !== null) params.dbm = dbm;
    report({ id: 'modem.signal', status: g.status, ...(dbm !== null ? { value: dbm, unit: 'dBm' } : { value: 'unknown' }), message: g.message, params });
  }

  async function registration(id: string, commands: string[]): Promise<Registration | null> {
    let best: Registration | null = null;
    let answered = false;
    for (const cmd of commands) {
      const prefix = `${cmd}:`;
      const opts = { timeoutMs: t.registrationMs, prefixes: [prefix], solicited: isRegistrationReadReply };
      let restoreN: number | null = null;
      if (ctx.level !== 'internal' && cmd === '+CREG') {
        // External level: ask for location area and cell id, then put the URC setting back.
        const before = await exec(id, `AT${cmd}?`, opts);
        const reg = before?.ok ? parseCregReadResponse(before.lines) : null;
        if (reg?.n !== undefined && reg.n !== 2) {
          const set = await exec(id, `AT${cmd}=2`, { timeoutMs: t.registrationMs });
          if (set?.ok) restoreN = reg.n;
        }
      }
      const r = await exec(id, `AT${cmd}?`, opts);
      if (restoreN !== null) await exec(id, `AT${cmd}=${restoreN}`, { timeoutMs: t.registrationMs });
      if (!r) return null;
      if (!r.ok) continue; // e.g. +CEREG on a 2G modem
      answered = true;
      const reg = parseCregReadResponse(r.lines);
      if (reg && (!best || rank(reg) > rank(best))) best = reg;
    }
    if (!best) {
      report({ id, status: 'warn', value: answered ? 'unparsed' : 'unsupported', message: 'check.modem.registration.unavailable' });
      return null;
    }
    const g = gradeRegistration(best.state);
    const params: Record<string, string | number> = { stat: best.stat, state: best.state };
    if (best.lac) params.lac = best.lac;
    if (best.ci) params.ci = best.ci;
    if (best.act !== undefined) params.act = best.act;
    report({ id, status: g.status, value: g.grade, message: g.message, params });
    return best;
  }

  async function operator(): Promise<void> {
    const opts = { timeoutMs: t.operatorMs, prefixes: ['+COPS:'] };
    await exec('modem.operator', 'AT+COPS=3,0', { timeoutMs: t.operatorMs });
    const long = await exec('modem.operator', 'AT+COPS?', opts);
    await exec('modem.operator', 'AT+COPS=3,2', { timeoutMs: t.operatorMs });
    const numeric = await exec('modem.operator', 'AT+COPS?', opts);
    const name = long?.ok ? parseCopsReadResponse(long.lines) : null;
    const code = numeric?.ok ? parseCopsReadResponse(numeric.lines) : null;
    if (!long && !numeric) return;
    const display = (name?.format === 0 || name?.format === 1 ? name.operator : undefined) ?? code?.operator;
    if (!display) {
      report({ id: 'modem.operator', status: 'warn', value: 'none', message: 'check.modem.operator.none' });
      return;
    }
    const params: Record<string, string | number> = { operator: display };
    const mccmnc = code?.format === 2 ? code.operator : undefined;
    if (mccmnc && /^\d{5,6}$/.test(mccmnc)) Object.assign(params, { mccmnc, mcc: mccmnc.slice(0, 3), mnc: mccmnc.slice(3) });
    const act = name?.act ?? code?.act;
    if (act !== undefined) params.act = act;
    report({ id: 'modem.operator', status: 'pass', value: display, message: 'check.modem.operator.ok', params });
  }

  async function packet(simReady: boolean, circuit: Registration | null): Promise<boolean> {
    const opts = { timeoutMs: t.packetMs, prefixes: ['+CGATT:'] };
    const r = await exec('modem.packet', 'AT+CGATT?', opts);
    if (!r) return false;
    const attached = r.ok ? parseCgattReadResponse(r.lines) : null;
    if (attached === null) {
      report({ id: 'modem.packet', status: 'warn', value: 'unknown', message: 'check.modem.packet.unavailable' });
      return false;
    }
    if (attached) {
      report({ id: 'modem.packet', status: 'pass', value: 'attached', message: 'check.modem.packet.attached' });
      return true;
    }
    const registered = circuit !== null && ['home', 'roaming'].includes(gradeRegistration(circuit.state).grade);
    if (ctx.level !== 'internal' && simReady && registered) {
      const a = await exec('modem.packet', 'AT+CGATT=1', { timeoutMs: t.attachMs });
      if (a?.ok) {
        report({ id: 'modem.packet', status: 'warn', value: 'attached-by-check', message: 'check.modem.packet.attached-by-check' });
        return true;
      }
      report({ id: 'modem.packet', status: 'fail', value: 'detached', message: 'check.modem.packet.attach-refused', params: cmeParams(a) });
      return false;
    }
    report({ id: 'modem.packet', status: 'fail', value: 'detached', message: 'check.modem.packet.detached' });
    return false;
  }

  async function pdp(attached: boolean): Promise<void> {
    const r = await exec('modem.pdp', 'AT+CGDCONT?', { timeoutMs: t.packetMs, prefixes: ['+CGDCONT:'] });
    if (!r) return;
    const contexts = r.ok ? parseCgdcontReadResponse(r.lines) : [];
    if (contexts.length === 0) {
      report({ id: 'modem.pdp', status: 'warn', value: 'none', message: 'check.modem.pdp.no-context' });
      return;
    }
    const a = await exec('modem.pdp', 'AT+CGPADDR', { timeoutMs: t.packetMs, prefixes: ['+CGPADDR:'] });
    const addresses = a?.ok ? parseCgpaddrExecResponse(a.lines) : [];
    const withIp = addresses.find((x) => x.addresses.length > 0);
    const fromContext = contexts.find((c) => c.address);
    const cid = withIp?.cid ?? fromContext?.cid;
    const ip = withIp?.addresses[0] ?? fromContext?.address;
    const ctxOf = contexts.find((c) => c.cid === (cid ?? contexts[0].cid)) ?? contexts[0];
    if (ip) {
      report({ id: 'modem.pdp', status: 'pass', value: ip, message: 'check.modem.pdp.address', params: { cid: ctxOf.cid, apn: ctxOf.apn, ip } });
    } else {
      report({
        id: 'modem.pdp',
        status: attached ? 'warn' : 'fail',
        value: 'no-address',
        message: 'check.modem.pdp.no-address',
        params: { cid: ctxOf.cid, apn: ctxOf.apn },
      });
    }
  }

  function urcRate(): void {
    const seconds = Math.max(0.001, (clock.now() - started) / 1000);
    const perSecond = modem.urcCount / seconds;
    const limit = options.urcStormPerSecond ?? MODEM_CHECK_DEFAULTS.urcStormPerSecond;
    if (perSecond > limit) {
      report({
        id: 'modem.urc',
        status: 'warn',
        value: Math.round(perSecond),
        unit: '/s',
        message: 'check.modem.urc.storm',
        params: { count: modem.urcCount, perSecond: Math.round(perSecond) },
      });
    }
  }
}

/** The +CME ERROR of a refusal as finding params (none for other failures, or a reply). */
function cmeParams(r: AtResult | null): Record<string, string | number> {
  return r && !r.ok && r.error.kind === 'cme' ? { cme: r.error.code ?? r.error.text, cmeText: r.error.info.text } : {};
}

/** Better registrations first: registered beats searching beats the rest. */
function rank(r: Registration): number {
  const g = gradeRegistration(r.state).grade;
  return { home: 5, roaming: 4, searching: 2, denied: 1, 'not-registered': 0, unknown: 0 }[g];
}
