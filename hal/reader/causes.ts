/**
 * The causes the card readers' self-checks prove (hal/cause-rule.ts): the chip reader's first, as it is the
 * only kind whose findings tell the card's troubles apart, then any reader's failure.
 */
import { BAD, type DeviceCauseRule, type FaultSide, type Retry } from '../cause-rule';

/**
 * The card's troubles the chip reader proves, each a cause on the card's side (id, side, retry, the finding
 * values that show it, steps): written as rows, they are one short table instead of five rule objects.
 */
function chipCardRules(rows: ReadonlyArray<[string, FaultSide, Retry, string[], string[]]>): DeviceCauseRule[] {
  return rows.map(([id, side, retry, value, steps]) => ({
    id,
    side,
    category: 'card',
    retry,
    online: true,
    match: [{ finding: 'reader.', status: BAD, value }],
    steps,
  }));
}

/** The chip reader's own failures that are not a dead link (hal/reader/ccid/chip-check.ts). */
const CHIP_READER_MESSAGES = [
  'error-path.wrong',
  'power-off.still-active',
  'parameters.refused',
  'protocol.no-echo',
  'protocol.echo',
  'protocol.sequence',
  'protocol.type',
].map((m) => `check.reader.chip.${m}`);

export const READER_CAUSES: readonly DeviceCauseRule[] = [
  // The chip reader's findings name what went wrong with the card in their value
  // (hal/reader/ccid/chip-check.ts CHIP_CARD_PROBLEMS). The reader itself first: when it is dead, or
  // answers an empty slot wrongly, no card it failed to read says anything about the card.
  {
    id: 'chip-reader-fault',
    side: 'terminal',
    category: 'terminal',
    retry: 'after-fix',
    online: true,
    match: [
      { finding: 'reader.', status: BAD, value: ['reader-fault'] },
      { finding: 'reader.', status: BAD, message: CHIP_READER_MESSAGES },
    ],
    steps: ['swipe-instead', 'service-reader'],
  },
  ...chipCardRules([
    [
      'card-backwards-or-dirty',
      'merchant',
      'after-fix',
      ['backwards-or-dirty', 'not-inserted', 'removed-early'],
      ['insert-chip-first', 'wipe-chip', 'swipe-instead'],
    ],
    ['chip-damaged', 'cardholder', 'never', ['chip-damaged', 'worn-contacts'], ['swipe-instead', 'other-card', 'call-issuer']],
    ['card-expired', 'cardholder', 'never', ['expired', 'not-yet-valid'], ['other-card', 'call-issuer']],
    ['card-blocked', 'bank', 'never', ['card-blocked', 'app-blocked'], ['call-issuer', 'other-card']],
    ['no-payment-app', 'cardholder', 'never', ['no-payment-app'], ['other-card', 'swipe-instead']],
  ]),
  // Any other reader failure (a PN532 or MSR605 that fails, a chip reader finding no rule above names).
  {
    id: 'reader-fault',
    side: 'terminal',
    category: 'terminal',
    retry: 'after-fix',
    online: true,
    match: [{ finding: 'reader.', status: BAD }],
    steps: ['other-card-input', 'call-service'],
  },
];
