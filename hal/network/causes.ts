/** The causes the network's self-check proves (hal/cause-rule.ts): the local settings, then the host. */
import { BAD, WARN, type DeviceCauseRule } from '../cause-rule';

/** network.echo messages (hal/network/check.ts) for a reply the host did send. */
const ECHO_ANSWERED = ['declined', 'garbled', 'wrong-stan'].map((outcome) => `check.network.echo.${outcome}`);

export const NETWORK_CAUSES: readonly DeviceCauseRule[] = [
  {
    id: 'local-network-config',
    side: 'terminal',
    category: 'config',
    retry: 'after-fix',
    online: true,
    match: [
      { finding: 'network.interfaces', status: BAD },
      { finding: 'network.gateway', status: BAD },
      { finding: 'network.dns', status: BAD },
      { finding: 'network.dns-servers', status: BAD },
    ],
    steps: ['check-lan', 'restart'],
  },
  // The host: a failed connection leaves no echo to judge, so these three never compete for the same
  // findings except through the echo, where what the host answered comes first.
  // It answered the echo, but not with approval: it is up and reachable, and its answer (a code such as
  // 96, or a reply it got wrong) says the fault is on its side. A quick 96 is not a slow host.
  {
    id: 'host-side',
    side: 'host',
    category: 'host',
    retry: 'later',
    online: true,
    match: [{ finding: 'network.echo', status: BAD, message: ECHO_ANSWERED }],
    steps: ['retry-later', 'call-acquirer'],
  },
  // Slow only when the time says so: the answer came after the slow mark, or none came in time.
  {
    id: 'host-slow',
    side: 'host',
    category: 'host',
    retry: 'later',
    online: true,
    match: [
      { finding: 'network.echo-rtt', status: [...WARN, ...BAD] },
      { finding: 'network.echo', status: ['timeout'] },
    ],
    steps: ['retry-later'],
    quote: { finding: 'network.echo-rtt', param: 'ms' },
  },
  // No connection, or the echo exchange broke some other way (refused, reset, unreachable).
  {
    id: 'host-unreachable',
    side: 'host',
    category: 'network',
    retry: 'later',
    online: true,
    match: [
      { finding: 'network.tcp', status: BAD },
      { finding: 'network.echo', status: BAD },
    ],
    steps: ['retry-later', 'check-host-settings', 'call-acquirer'],
  },
];
