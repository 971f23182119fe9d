/** The line settings a device's configuration may choose, and how they reach SerialLine.open. */
import type { SerialDeviceConfig, SerialLineConfig } from './serial-config';
import type { LineSettings } from './serial-line';

/** Every value SerialLine (node-serialport) takes for each setting; the configuration offers exactly these. */
export const LINE_CHOICES: { readonly [K in keyof SerialLineConfig]-?: readonly NonNullable<SerialLineConfig[K]>[] } = {
  dataBits: [5, 6, 7, 8],
  parity: ['none', 'even', 'odd', 'mark', 'space'],
  stopBits: [1, 1.5, 2],
  rtscts: [false, true],
  xon: [false, true],
  xoff: [false, true],
};

/** A device configuration's settings for SerialLine.open: only the line's own fields, defaults left to the line. */
export function lineSettingsOf(config: SerialDeviceConfig): LineSettings {
  const { path, baudRate, dataBits, parity, stopBits, rtscts, xon, xoff } = config;
  return { path, baudRate, dataBits, parity, stopBits, rtscts, xon, xoff };
}
