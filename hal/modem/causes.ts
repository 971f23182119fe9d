/**
 * The causes the modem's self-check proves (hal/cause-rule.ts), most basic first: a modem that does not
 * answer explains everything after it, a missing SIM the missing registration, no signal no data.
 */
import { BAD, WARN, type DeviceCauseRule } from '../cause-rule';

export const MODEM_CAUSES: readonly DeviceCauseRule[] = [
  {
    id: 'modem-unresponsive',
    side: 'terminal',
    category: 'terminal',
    retry: 'after-fix',
    online: true,
    match: [
      { finding: 'modem.link', status: BAD },
      { finding: 'modem.connection', status: BAD },
      { finding: 'modem.probe', status: BAD },
      { finding: 'modem.init', status: BAD },
      { finding: 'modem.budget', status: BAD },
      { finding: 'modem.error', status: BAD },
    ],
    steps: ['restart', 'call-service'],
  },
  {
    id: 'sim-fault',
    side: 'terminal',
    category: 'terminal',
    retry: 'after-fix',
    online: true,
    match: [{ finding: 'modem.sim', status: BAD }],
    steps: ['reseat-sim', 'restart', 'call-carrier'],
  },
  {
    id: 'signal-none',
    side: 'terminal',
    category: 'network',
    retry: 'after-fix',
    online: true,
    match: [{ finding: 'modem.signal', status: BAD }],
    steps: ['move-terminal', 'retry'],
    quote: { finding: 'modem.signal', param: 'dbm' },
  },
  {
    id: 'mobile-not-registered',
    side: 'terminal',
    category: 'network',
    retry: 'after-fix',
    online: true,
    match: [{ finding: 'modem.registration.circuit', status: BAD }],
    steps: ['restart', 'call-carrier'],
  },
  {
    id: 'mobile-data-down',
    side: 'terminal',
    category: 'network',
    retry: 'after-fix',
    online: true,
    match: [
      { finding: 'modem.registration.packet', status: BAD },
      { finding: 'modem.packet', status: BAD },
      { finding: 'modem.pdp', status: BAD },
    ],
    steps: ['restart', 'check-apn'],
  },
  {
    id: 'signal-weak',
    side: 'terminal',
    category: 'network',
    retry: 'after-fix',
    online: true,
    match: [{ finding: 'modem.signal', status: WARN }],
    steps: ['move-terminal', 'retry'],
    quote: { finding: 'modem.signal', param: 'dbm' },
  },
  // Any other modem failure no rule above names: the same cause as a modem that does not answer.
  {
    id: 'modem-unresponsive',
    side: 'terminal',
    category: 'terminal',
    retry: 'after-fix',
    online: true,
    match: [{ finding: 'modem.', status: BAD }],
    steps: ['restart', 'call-service'],
  },
];
