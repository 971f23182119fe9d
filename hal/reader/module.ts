/** The card readers as posdiag's device list knows them: any number, of the kinds of hal/reader/kinds.ts. */
import type { DeviceModule } from '../device-module';
import type { ReaderConfig } from './config';
import { READER_KINDS } from './kinds';
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
  ownFields: ['kind', 'name', 'timing', ...new Set(Object.values(READER_KINDS).flatMap((k) => k.fields ?? []))],
  fieldsOf: (c) => ['kind', 'name', 'timing', ...((typeof c.kind === 'string' && Object.hasOwn(READER_KINDS, c.kind) && READER_KINDS[c.kind].fields) || [])],
  optionGroups: [{ field: 'timing', spec: (c) => (typeof c.kind === 'string' && READER_TIMING[c.kind]) || READER_CHECK_TIMING }],
};
