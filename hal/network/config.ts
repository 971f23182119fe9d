/** How a terminal configures the acquirer host the network check reaches (`host`). */
import type { EchoForm } from './iso8583/echo';
import type { NetworkCheckOptions } from './options';

export interface HostConfig {
  address: string;
  port: number;
  /** Send an ISO 8583 0800 echo when the acquirer profile supports it. */
  echo?: boolean;
  /** TPDU header as hex, for acquirers that use one (CUP: 10 bytes BCD "6000030000"). */
  tpdu?: string;
  /** Echo form: 'iso' (ASCII, field 70) or 'cup' (BCD, field 60). Default 'cup' with a TPDU or the cup acquirer, else 'iso'. */
  echoForm?: EchoForm;
  /** Acquirer header after the TPDU, as hex. */
  header?: string;
  /** CUP 60.2 batch number for the echo, 0–999999. Default 1. */
  batch?: number;
  /** The network check's time limits and counts (hal/network/options.ts NETWORK_OPTIONS). */
  timing?: Partial<NetworkCheckOptions>;
}
