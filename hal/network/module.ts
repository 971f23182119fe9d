/** The network (local settings, the acquirer host) as posdiag's device list knows it. */
import type { DeviceModule } from '../device-module';
import { createNetworkCheck } from './check';
import type { HostConfig } from './config';

export const NETWORK_MODULE: DeviceModule<HostConfig | undefined, 'network'> = {
  id: 'network',
  slot: 'host',
  // Every terminal has a network; without a host only its local settings are checked.
  configs: (env) => [env.host],
  check: (env) => createNetworkCheck(env),
  diagnosisLevel: 'internal',
  ownFields: [],
  optionGroups: [],
};
