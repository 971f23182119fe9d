/**
 * The `fleet` section of the configuration: what `posdiag fleet ingest` and `posdiag fleet report` read
 * (a fleet server's file may hold this section alone). The terminal's commands never read it, so the
 * validator in dist/cli.js only sees that it is an object; the fleet commands check it against this
 * schema (src/fleet/config.ts), every bad field named.
 */
export const FLEET_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['broker', 'cert', 'key', 'ca', 'database'],
  properties: {
    broker: { type: 'string', maxLength: 300, pattern: '^mqtts://[^\\s/?#]+(:[0-9]{1,5})?/?$', description: 'the broker, mqtts://host:port (TLS only)' },
    cert: { type: 'string', minLength: 1, maxLength: 4096, description: "the ingest's client certificate (PEM file)" },
    key: { type: 'string', minLength: 1, maxLength: 4096, description: 'its private key (PEM file)' },
    ca: { type: 'string', minLength: 1, maxLength: 4096, description: "the CA that signed the broker's certificate (PEM file)" },
    prefix: { type: 'string', pattern: '^(?!\\$)[0-9A-Za-z_.-]{1,32}(?:/[0-9A-Za-z_.-]{1,32}){0,3}$', description: 'topic prefix, default posdiag/v1' },
    group: { type: 'string', pattern: '^[0-9A-Za-z_-]{1,32}$', description: 'shared subscription group, default ingest' },
    clientId: { type: 'string', pattern: '^[0-9A-Za-z_.-]{1,64}$', description: "the ingest's MQTT client id (its persistent session)" },
    ackIntervalMs: { type: 'integer', minimum: 50, maximum: 60000, description: 'at most one ack per terminal this often' },
    batchMs: { type: 'integer', minimum: 1, maximum: 5000, description: 'how long a batch gathers before its commit' },
    maxBatch: { type: 'integer', minimum: 1, maximum: 10000, description: 'records per commit at most' },
    database: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: {
        kind: { enum: ['sqlite', 'postgres'] },
        path: { type: 'string', minLength: 1, maxLength: 4096, description: 'sqlite: the database file' },
        url: { type: 'string', maxLength: 2048, pattern: '^postgres(ql)?://', description: 'postgres: the connection URL' },
      },
      allOf: [
        { if: { properties: { kind: { const: 'sqlite' } } }, then: { required: ['path'] } },
        { if: { properties: { kind: { const: 'postgres' } } }, then: { required: ['url'] } },
      ],
    },
  },
} as const;
