/**
 * Every modem deadline as a named option. Defaults are ModemManager's (devices.md §1.2); a deadline is
 * absolute from the moment the command is written and is never extended by bytes that arrive (URCs).
 */
import { OptionSpec, resolveOptions } from '../options';

export interface ModemTimeouts {
  /** Each AT probe. ModemManager: 3 s. */
  probeMs: number;
  /** How many AT probes before the modem is declared silent. ModemManager: 6 (tag range 1–20). */
  probeTries: number;
  /** Probes answered with bytes nobody can read before the line is declared garbled (ModemManager aborts on the first). */
  probeGarbledTries: number;
  /** ATE0, ATV1, AT+CMEE=1. ModemManager gives none; 3 s like its other local commands. */
  initMs: number;
  /** AT+CGMI/+CGMM/+CGMR/+CGSN/+CIMI. ModemManager: 3 s. */
  identityMs: number;
  /** AT+CPIN?. ModemManager: 10 s (a SIM can be slow to answer after power-up). */
  simMs: number;
  /** AT+CCID. ModemManager (u-blox, Huawei plugins): 5 s. */
  iccidMs: number;
  /** AT+CRSM=176,12258,0,0,10 (ICCID from the SIM file). ModemManager: 20 s. */
  crsmMs: number;
  /** AT+CSQ, AT+CESQ. ModemManager: 3 s. */
  signalMs: number;
  /** AT+CREG?, AT+CGREG?, AT+CEREG?. ModemManager: 10 s. */
  registrationMs: number;
  /** AT+COPS=3,x and AT+COPS?. ModemManager: 3 s. */
  operatorMs: number;
  /** AT+CGATT?, AT+CGDCONT?, AT+CGPADDR. ModemManager: 3 s (CGDCONT/CGACT). */
  packetMs: number;
  /** AT+CGATT=1 at the external level. ModemManager has none in its core; the network may take long, we bound it. */
  attachMs: number;
  /** Consecutive command timeouts after which the modem is taken as gone. ModemManager: 10. */
  goneAfterTimeouts: number;
}

export const MODEM_TIMEOUTS: OptionSpec<keyof ModemTimeouts> = {
  probeMs: { default: 3_000, min: 50, max: 60_000 },
  probeTries: { default: 6, min: 1, max: 20 },
  probeGarbledTries: { default: 2, min: 1, max: 20 },
  initMs: { default: 3_000, min: 50, max: 60_000 },
  identityMs: { default: 3_000, min: 50, max: 60_000 },
  simMs: { default: 10_000, min: 50, max: 60_000 },
  iccidMs: { default: 5_000, min: 50, max: 60_000 },
  crsmMs: { default: 20_000, min: 50, max: 60_000 },
  signalMs: { default: 3_000, min: 50, max: 60_000 },
  registrationMs: { default: 10_000, min: 50, max: 60_000 },
  operatorMs: { default: 3_000, min: 50, max: 60_000 },
  packetMs: { default: 3_000, min: 50, max: 60_000 },
  attachMs: { default: 10_000, min: 50, max: 120_000 },
  goneAfterTimeouts: { default: 10, min: 1, max: 100 },
};

/**
 * The cashier's deadlines (hal/deadline-profiles.ts): a modem that answered a transaction a minute ago
 * answers `AT` within milliseconds, so two probes of 500 ms tell a dead modem from a slow one; each query
 * gets a second or two (a SIM or a registration read that slow is a finding in itself); two timeouts in
 * a row and the modem is taken as gone.
 */
export const MODEM_CASHIER_TIMEOUTS: Readonly<ModemTimeouts> = {
  probeMs: 500,
  probeTries: 2,
  probeGarbledTries: 2,
  initMs: 1_000,
  identityMs: 1_000,
  simMs: 1_500,
  iccidMs: 1_000,
  crsmMs: 1_500,
  signalMs: 1_000,
  registrationMs: 1_500,
  operatorMs: 1_000,
  packetMs: 1_000,
  attachMs: 3_000,
  goneAfterTimeouts: 2,
};

/** Fills defaults and checks ranges; a bad value is a Config_Invalid that names the option. */
export function resolveModemTimeouts(partial: Partial<ModemTimeouts> = {}): ModemTimeouts {
  return resolveOptions(MODEM_TIMEOUTS, partial, 'modem.timeouts.', { integers: true });
}
