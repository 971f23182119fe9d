/** How a terminal configures its modem (`devices.modem`). */
import type { SerialDeviceConfig } from '../transport/serial-config';
import type { ModemTimeouts } from './timeouts';

export interface ModemConfig extends SerialDeviceConfig {
  /** Command deadlines and retries (hal/modem/timeouts.ts MODEM_TIMEOUTS). */
  timeouts?: Partial<ModemTimeouts>;
}
