/** The modem as posdiag's device list knows it. */
import type { DeviceModule } from '../device-module';
import { MODEM_CAUSES } from './causes';
import { createModemCheck } from './check';
import type { ModemConfig } from './config';
import { MODEM_CASHIER_TIMEOUTS, MODEM_TIMEOUTS } from './timeouts';

export const MODEM_MODULE: DeviceModule<ModemConfig, 'modem'> = {
  id: 'modem',
  slot: 'modem',
  configs: (env) => (env.devices.modem ? [env.devices.modem] : []),
  check: (env) => createModemCheck(env, env.config),
  diagnosisLevel: 'internal',
  ownFields: ['timeouts'],
  optionGroups: [{ field: 'timeouts', spec: () => MODEM_TIMEOUTS, profiles: { cashier: () => MODEM_CASHIER_TIMEOUTS } }],
  causes: MODEM_CAUSES,
  configSchema: ({ documented, serial, group }) => ({
    properties: { modem: documented ? { allOf: [serial], properties: { timeouts: group(MODEM_TIMEOUTS) } } : serial },
  }),
};
