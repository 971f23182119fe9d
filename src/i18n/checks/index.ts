/**
 * Every self-check finding message. A device engineer adds src/i18n/checks/<device>.ts exporting a
 * CheckMessages record and lists it in CHECK_MESSAGE_SOURCES below (one import, one line);
 * test/unit/i18n/catalogs.test.ts then checks every key: all three locales, the same placeholders, Han
 * text in zh, Traditional characters in zh-TW, and no key defined by two sources.
 */
import { GENERIC_CHECK_MESSAGES } from './generic';
import { MODEM_MESSAGES } from './modem';
import { NETWORK_CHECK_MESSAGES } from './network';
import { PRINTER_MESSAGES } from './printer';
import { READER_MESSAGES } from './reader';
import { TERMINAL_MESSAGES } from './terminal';
import type { CheckMessages } from './types';

export type { CheckMessages } from './types';

/** Per source file, so tests can name the file a bad key came from. */
export const CHECK_MESSAGE_SOURCES: Readonly<Record<string, CheckMessages>> = {
  generic: GENERIC_CHECK_MESSAGES,
  modem: MODEM_MESSAGES,
  network: NETWORK_CHECK_MESSAGES,
  printer: PRINTER_MESSAGES,
  reader: READER_MESSAGES,
  terminal: TERMINAL_MESSAGES,
};

export const CHECK_MESSAGES: CheckMessages = Object.freeze(Object.assign({}, ...Object.values(CHECK_MESSAGE_SOURCES)));
