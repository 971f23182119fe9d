/** The configuration file's JSON schema. Every field a terminal can set is here, with what it expects. */
export const CONFIG_SCHEMA = {
  $id: 'https://posdiag.local/config.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['terminal'],
  properties: {
    terminal: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'merchantId'],
      properties: {
        id: { type: 'string', pattern: '^[0-9A-Za-z]{8}$', description: 'terminal id, ISO 8583 field 41 (8 characters)' },
        merchantId: { type: 'string', pattern: '^[0-9A-Za-z]{15}$', description: 'merchant id, field 42 (15 characters)' },
        merchantName: { type: 'string', maxLength: 40 },
        location: { type: 'string', maxLength: 60 },
        acquirer: { type: 'string', pattern: '^[a-z0-9-]{2,20}$' },
        locale: { type: 'string', enum: ['zh-CN', 'zh-TW', 'zh-HK', 'en'] },
      },
    },
    devices: {
      type: 'object',
      additionalProperties: false,
      properties: {
        modem: { $ref: '#/$defs/serial' },
        reader: {
          allOf: [{ $ref: '#/$defs/serial' }],
          type: 'object',
          required: ['kind'],
          properties: { kind: { enum: ['pn532', 'msr605'] } },
        },
        printer: {
          allOf: [{ $ref: '#/$defs/serial' }],
          type: 'object',
          properties: { paperWidth: { enum: [58, 80] }, profile: { type: 'string' } },
        },
      },
    },
    host: {
      type: 'object',
      additionalProperties: false,
      required: ['address', 'port'],
      properties: {
        address: { type: 'string', minLength: 1, maxLength: 253 },
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        echo: { type: 'boolean' },
        tpdu: { type: 'string', pattern: '^([0-9A-Fa-f]{2})*$' },
      },
    },
    journal: { type: 'object', additionalProperties: false, properties: { dir: { type: 'string', minLength: 1 } } },
    technician: { type: 'object', additionalProperties: false, properties: { pinHash: { type: 'string', minLength: 1 } } },
  },
  $defs: {
    serial: {
      type: 'object',
      required: ['path'],
      properties: {
        path: { type: 'string', minLength: 1 },
        baudRate: { type: 'integer', enum: [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600] },
        kind: {},
        paperWidth: {},
        profile: {},
      },
      additionalProperties: false,
    },
  },
} as const;
