/** The `telemetry` section: every bad field named, with what it expects. */
import { validateConfig } from '../../../src/config/load';

const base = { terminal: { id: 'T0000001', merchantId: '123456789012345' }, devices: {} };
const good = { broker: 'mqtts://127.0.0.1:8883', cert: '/etc/posdiag/t.crt', key: '/etc/posdiag/t.key', ca: '/etc/posdiag/ca.crt' };

test('a good section passes, with optional fields', () => {
  const c = validateConfig({ ...base, telemetry: { ...good, topicPrefix: 'acme/pos', heartbeatMs: 60_000, maxUnackedRecords: 5000 } });
  expect(c.telemetry?.broker).toBe(good.broker);
});

test.each([
  [{ ...good, broker: 'mqtt://127.0.0.1:1883' }, 'telemetry.broker: must be a text matching'],
  [{ ...good, broker: 'mqtts://host/path' }, 'telemetry.broker'],
  [{ ...good, cert: '' }, 'telemetry.cert'],
  [{ ...good, key: 5 }, 'telemetry.key'],
  [{ broker: good.broker, cert: good.cert, key: good.key }, 'telemetry.ca: required'],
  [{ ...good, topicPrefix: 'a/+/b' }, 'telemetry.topicPrefix'],
  [{ ...good, topicPrefix: '$SYS' }, 'telemetry.topicPrefix'],
  [{ ...good, heartbeatMs: 10 }, 'telemetry.heartbeatMs: must be a whole number from 1000'],
  [{ ...good, flushTimeoutMs: 1.5 }, 'telemetry.flushTimeoutMs'],
  [{ ...good, maxUnackedRecords: 10_000_000 }, 'telemetry.maxUnackedRecords'],
  [{ ...good, window: 0 }, 'telemetry.window'],
  [{ ...good, password: 'x' }, 'telemetry.password: not a known field'],
  ['mqtts://x', 'telemetry: must be object'],
])('%j → %s', (telemetry, expected) => {
  expect(() => validateConfig({ ...base, telemetry }, 'posdiag.json')).toThrow(expected);
});

test('several bad fields are all named', () => {
  expect(() => validateConfig({ ...base, telemetry: { ...good, broker: 'http://x', rewindMs: 0 } })).toThrow(
    /telemetry\.broker[\s\S]*telemetry\.rewindMs|telemetry\.rewindMs[\s\S]*telemetry\.broker/,
  );
});
