/**
 * The slip's own words (headings, field names, check statuses) per locale, from the catalog's `slip.*`
 * texts. Texts that describe a diagnosis (title, cause, next steps, check details) come in already
 * rendered: the slip does not know the hints.
 */
import { DEVICE_IDS } from '../../hal/device-lists.generated';
import { text } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';

export interface SlipLabels {
  heading: string;
  terminalId: string;
  merchantId: string;
  merchantName: string;
  time: string;
  card: string;
  amount: string;
  code: string;
  cause: string;
  checks: string;
  nextSteps: string;
  footer: string;
  status: Record<'pass' | 'warn' | 'fail' | 'absent' | 'timeout', string>;
  /** What each check line is about: a device, or the mobile signal (its own line, the hotline asks for it). */
  devices: Record<(typeof DEVICES)[number], string>;
  /** The line that says the checks found nothing wrong with the terminal. */
  terminalClear: string;
  /** Between two sentences run together (a cause's title and its action): `。`, `. `. */
  sentenceSeparator: string;
}

const FIELDS = [
  'heading',
  'terminalId',
  'merchantId',
  'merchantName',
  'time',
  'card',
  'amount',
  'code',
  'cause',
  'checks',
  'nextSteps',
  'footer',
  'terminalClear',
  'sentenceSeparator',
] as const;
const STATUSES = ['pass', 'warn', 'fail', 'absent', 'timeout'] as const;
// The devices of the modules (hal/device-lists.generated.ts), and the modem's signal.
const DEVICES = [...DEVICE_IDS, 'signal'] as const;

/** The slip's words in a locale: the catalog's `slip.<field>`, `slip.status.<status>`, `slip.devices.<device>`. */
export function slipLabels(locale: Locale): SlipLabels {
  const of = <K extends string>(prefix: string, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, text(`${prefix}${k}`, locale)])) as Record<K, string>;
  return { ...of('slip.', FIELDS), status: of('slip.status.', STATUSES), devices: of('slip.devices.', DEVICES) };
}
