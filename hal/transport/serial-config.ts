/**
 * What a serial device's configuration says about its line. Every device's configuration embeds it;
 * it lives beside the transport so that the wire knows lines, not devices.
 */

/** Line settings a device may need beyond its speed; default 8N1, no flow control. */
export interface SerialLineConfig {
  dataBits?: 5 | 6 | 7 | 8;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
  stopBits?: 1 | 1.5 | 2;
  /** Hardware flow control (RTS/CTS). */
  rtscts?: boolean;
  /** Software flow control, each direction. */
  xon?: boolean;
  xoff?: boolean;
}

export interface SerialDeviceConfig extends SerialLineConfig {
  path: string;
  baudRate: number;
}
