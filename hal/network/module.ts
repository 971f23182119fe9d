/** The network (local settings, the acquirer host) as posdiag's device list knows it. */
import type { DeviceModule } from '../device-module';
import { NETWORK_CAUSES } from './causes';
import { createNetworkCheck } from './check';
import type { HostConfig } from './config';
import { NETWORK_CASHIER_OPTIONS, NETWORK_OPTIONS } from './options';

export const NETWORK_MODULE: DeviceModule<HostConfig | undefined, 'network'> = {
  id: 'network',
  slot: 'host',
  // Every terminal has a network; without a host only its local settings are checked.
  configs: (env) => [env.host],
  check: (env) => createNetworkCheck(env),
  diagnosisLevel: 'internal',
  ownFields: [],
  // host.timing; the configuration's rules list it with the host's other fields (src/config/field-rules.ts).
  optionGroups: [{ field: 'timing', spec: () => NETWORK_OPTIONS, profiles: { cashier: () => NETWORK_CASHIER_OPTIONS as Record<string, number> } }],
  causes: NETWORK_CAUSES,
};
