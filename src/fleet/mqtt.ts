/**
 * The ingest's MQTT connection: MQTT 5 (a refused publish comes back with a reason code, not silence),
 * TLS with the ingest's own client certificate, and a persistent session (clean start off, a week's
 * expiry), so QoS 1 records the broker holds for the ingest while it restarts are delivered when it is back.
 */
import { readFileSync } from 'node:fs';
import { HalError } from '../../hal/errors';
import type { FleetSettings } from './config';

export type MqttClient = import('mqtt').MqttClient;

export const SESSION_EXPIRY_S = 7 * 24 * 3600;

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
  ca: Buffer;
}

/** The certificate, key and CA, read before anything is opened: a wrong path is said first. */
export function readTlsFiles(s: FleetSettings): TlsFiles {
  const read = (what: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new HalError('Config_Invalid', `fleet.${what}: cannot read ${path}: ${(err as Error).message}`, { field: what });
    }
  };
  return { cert: read('cert', s.cert), key: read('key', s.key), ca: read('ca', s.ca) };
}

export function connectBroker(s: FleetSettings, clientId: string, tls: TlsFiles): MqttClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mqtt = require('mqtt') as typeof import('mqtt');
  return mqtt.connect(s.broker, {
    protocolVersion: 5,
    clean: false,
    clientId,
    properties: { sessionExpiryInterval: SESSION_EXPIRY_S },
    ...tls,
    rejectUnauthorized: true,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
  });
}
