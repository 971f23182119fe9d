/**
 * What a modem reading means for a POS terminal: readings in, finding status and message key out.
 * Pure, so the thresholds are tested as a table and can be changed in one place.
 */
import type { CheckStatus } from '../selfcheck';
import type { AtFailure } from './at-reply';
import type { CpinReading, RegistrationState } from './at-parsers';

export type SignalGrade = 'excellent' | 'good' | 'fair' | 'weak' | 'none';

/**
 * Grades in dBm, the usual CSQ bands (20–31 excellent, 15–19 good, 10–14 fair, 2–9 marginal) written as
 * the dBm they stand for, so a CESQ reading grades the same way. No reading at all is `none`.
 */
export const SIGNAL_GRADES: ReadonlyArray<{ grade: Exclude<SignalGrade, 'none'>; minDbm: number; status: CheckStatus }> = [
  { grade: 'excellent', minDbm: -73, status: 'pass' },
  { grade: 'good', minDbm: -83, status: 'pass' },
  { grade: 'fair', minDbm: -93, status: 'pass' },
  { grade: 'weak', minDbm: -109, status: 'warn' },
];

export function gradeSignal(dbm: number | null): { grade: SignalGrade; status: CheckStatus; message: string; percent: number } {
  if (dbm === null) return { grade: 'none', status: 'fail', message: 'check.modem.signal.none', percent: 0 };
  // ModemManager's quality: linear over −113…−51 dBm.
  const percent = Math.round(Math.min(100, Math.max(0, ((dbm + 113) * 100) / 62)));
  for (const g of SIGNAL_GRADES) if (dbm >= g.minDbm) return { grade: g.grade, status: g.status, message: `check.modem.signal.${g.grade}`, percent };
  return { grade: 'none', status: 'fail', message: 'check.modem.signal.none', percent };
}

/** The grades a finding reports, coarser than the twelve 27.007 states. */
export type RegistrationGrade = 'home' | 'roaming' | 'searching' | 'denied' | 'not-registered' | 'unknown';

/** Each 27.007 state's grade and the status of its finding (SMS-only or roaming: works, worth a look). */
const REGISTRATION_GRADES: Readonly<Record<RegistrationState, readonly [RegistrationGrade, CheckStatus]>> = {
  home: ['home', 'pass'],
  'home-csfb-not-preferred': ['home', 'pass'],
  'home-sms-only': ['home', 'warn'],
  roaming: ['roaming', 'warn'],
  'roaming-csfb-not-preferred': ['roaming', 'warn'],
  'roaming-sms-only': ['roaming', 'warn'],
  searching: ['searching', 'fail'],
  denied: ['denied', 'fail'],
  idle: ['not-registered', 'fail'],
  'emergency-only': ['not-registered', 'fail'],
  'attached-rlos': ['not-registered', 'fail'],
  unknown: ['unknown', 'warn'],
};

export function gradeRegistration(state: RegistrationState): { grade: RegistrationGrade; status: CheckStatus; message: string } {
  const [grade, status] = REGISTRATION_GRADES[state] ?? REGISTRATION_GRADES.unknown;
  return { grade, status, message: `check.modem.registration.${grade}` };
}

export interface SimVerdict {
  status: CheckStatus;
  /** `ready`, `pin-required`, `puk-required`, `not-inserted`, `failure`, `busy`, `locked`, `error`. */
  value: string;
  message: string;
  /** Whether the SIM can be read at all (ICCID): false for not-inserted and failure. */
  present: boolean;
}

/** AT+CPIN? as either its reply or the modem's refusal. */
export function assessSim(reply: { cpin: CpinReading } | { failure: AtFailure }): SimVerdict {
  const v = (status: CheckStatus, value: string, present = true): SimVerdict => ({ status, value, message: `check.modem.sim.${value}`, present });
  if ('cpin' in reply) {
    switch (reply.cpin.state) {
      case 'ready':
        return v('pass', 'ready');
      case 'pin':
        return v('fail', 'pin-required');
      case 'puk':
        return v('fail', 'puk-required');
      case 'pin2':
      case 'puk2':
        return v('warn', 'pin2-required'); // PIN2 guards fixed dialling, not service
      case 'ph-pin':
        return v('fail', 'locked');
      default:
        return v('warn', 'error');
    }
  }
  const f = reply.failure;
  if (f.kind === 'cme') {
    switch (f.info.id) {
      case 'sim-not-inserted':
        return v('fail', 'not-inserted', false);
      case 'sim-pin':
        return v('fail', 'pin-required');
      case 'sim-puk':
        return v('fail', 'puk-required');
      case 'sim-failure':
      case 'sim-wrong':
        return v('fail', 'failure', false);
      case 'sim-busy':
        return v('warn', 'busy');
      case 'ph-sim-pin':
      case 'network-pin':
      case 'network-puk':
        return v('fail', 'locked');
    }
  }
  return v('fail', 'error');
}
