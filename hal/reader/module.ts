/** The card readers as posdiag's device list knows them: any number, of the kinds of hal/reader/kinds.ts. */
import type { DeviceModule } from '../device-module';
import { READER_CAUSES } from './causes';
import { CHIP_CASHIER_CARD_STEPS_MS } from './ccid/ccid-options';
import type { ReaderConfig } from './config';
import { READER_KIND_IDS, READER_KINDS } from './kinds';
import { createReaderCheck, READER_CHECK_TIMING, READER_TIMING } from './reader-check';
import { configuredReaders } from './readers';

export const READER_MODULE: DeviceModule<ReaderConfig, 'reader'> = {
  id: 'reader',
  slot: 'readers',
  configs: (env) => configuredReaders(env.devices),
  check: (env) => createReaderCheck(env),
  // A card code is only put on the card once the reader has shown it can read one: the external
  // self-test (the PN532 antenna test takes milliseconds and needs no card).
  diagnosisLevel: 'external',
  // Every kind's own fields (a test keeps this list equal to theirs); an instance may have its kind's only.
  ownFields: ['kind', 'name', 'timing', 'aids', 'readExpiry'],
  fieldsOf: (c) => ['kind', 'name', 'timing', ...(READER_KINDS[c.kind as string]?.fields ?? [])],
  optionGroups: [
    {
      field: 'timing',
      spec: (c) => (typeof c.kind === 'string' && READER_TIMING[c.kind]) || READER_CHECK_TIMING,
      // The chip card's steps end sooner for the cashier; the PN532 and MSR605 answer within a second anyway.
      profiles: { cashier: (c): Record<string, number> => (c.kind === 'ccid' ? { cardStepsMs: CHIP_CASHIER_CARD_STEPS_MS } : {}) },
    },
  ],
  causes: READER_CAUSES,
  // One reader as `devices.reader`, several as `devices.readers`: both of the one definition. A reader is of
  // one of the kinds of hal/reader/kinds.ts; the timing it takes is its kind's.
  configSchema: ({ documented, serial, group }) => ({
    properties: { reader: { $ref: '#/$defs/reader' }, readers: { type: 'array', minItems: 1, items: { $ref: '#/$defs/reader' } } },
    defs: {
      reader: {
        allOf: documented
          ? [serial, ...READER_KIND_IDS.map((k) => ({ if: { properties: { kind: { const: k } } }, then: { properties: { timing: group(READER_TIMING[k]) } } }))]
          : [serial],
        type: 'object',
        required: ['kind'],
        properties: {
          kind: { enum: READER_KIND_IDS },
          name: { type: 'string', pattern: '^[0-9A-Za-z][0-9A-Za-z._-]{0,15}$', description: "the reader's name in reports (1-16 letters, digits, . _ -)" },
        },
      },
    },
  }),
};
