import type { Localized } from '../locale';

/**
 * A device's finding messages: message key -> text in every locale. Keys are the `message` of a Finding
 * (`check.modem.signal.weak`); `{name}` placeholders are filled from the finding's params (syntax in
 * src/i18n/format.ts). Every locale must use the same placeholders (tests check).
 */
export type CheckMessages = Readonly<Record<string, Localized>>;
