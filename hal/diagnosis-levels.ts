/**
 * The level each device's checks run at during a diagnosis, declared in one place (the diagnosis reads
 * it; nothing else decides it). Every device looks and does not act (internal), except the card
 * reader, which runs its external self-test too: the PN532 antenna test takes milliseconds and needs no
 * card, and a card code is only put on the card once the reader has shown it can read one. The printer
 * stays internal: a diagnosis prints the slip, not a test page.
 */
import type { CheckedDevice } from './devices';
import type { CheckLevel } from './selfcheck';

export const DIAGNOSIS_LEVELS: Readonly<Record<CheckedDevice, CheckLevel>> = {
  modem: 'internal',
  reader: 'external',
  printer: 'internal',
  network: 'internal',
};
