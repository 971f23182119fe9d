/**
 * The demo's failing transactions, at least one per seed article (reference/seed-scenarios.md): what the
 * terminal showed, the state the simulated terminal is put in, and the sale's amount. Data only.
 */
export interface DemoScenario {
  id: string;
  /** The seed article it plays (000–004), or '-' for the device tour. */
  seed: string;
  title: string;
  /** What the terminal showed: a field 39 code or the text of a terminal-local failure. */
  code?: string;
  /** Simulator faults, as `--sim` takes them. */
  sim: Record<string, string>;
  amount?: number;
}

export const DEFAULT_SCENARIO = '96-weak-signal';

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    id: '96-weak-signal',
    seed: '002',
    title: 'code 96 at lunchtime, the modem barely hears the tower',
    code: '96',
    sim: { modem: 'weak-signal' },
    amount: 128,
  },
  { id: '96-no-signal', seed: '002', title: 'code 96, the terminal has no signal at all', code: '96', sim: { modem: 'no-signal' }, amount: 36.5 },
  { id: '96-bank', seed: '000', title: 'code 96, every device healthy: the bank side', code: '96', sim: {}, amount: 58 },
  { id: '96-reader', seed: '000', title: 'code 96, the card reader fails its RAM test', code: '96', sim: { pn532: 'ram-fail' }, amount: 18 },
  {
    id: 'no-communication',
    seed: '001',
    title: 'NO COMMUNICATION, the acquirer host does not answer',
    code: 'NO COMMUNICATION',
    sim: { host: 'blackhole' },
    amount: 99,
  },
  { id: 'invalid-card', seed: '001', title: 'Invalid Card, and the reader checks out: the card', code: 'Invalid Card', sim: {}, amount: 25 },
  { id: 'exceeds-limit', seed: '001', title: 'Transaction Exceeds Limit on a large sale', code: 'Transaction Exceeds Limit', sim: {}, amount: 52000 },
  { id: 'terminated', seed: '003', title: '交易终止 while the host is slow at peak hour', code: '交易终止', sim: { host: 'slow' }, amount: 66 },
  {
    id: 'user-exception',
    seed: '004',
    title: '用户异常, the chip answers at no voltage: the card went in backwards or its chip is dirty',
    code: '用户异常',
    sim: { ccid: 'mute' },
    amount: 12.5,
  },
  // What the contact chip reader proves about the card (or about itself).
  {
    id: 'invalid-card-chip',
    seed: '001',
    title: "Invalid Card, the chip's answer to reset is malformed: a damaged chip",
    code: 'Invalid Card',
    sim: { ccid: 'bad-ts' },
    amount: 25,
  },
  {
    id: 'invalid-card-no-app',
    seed: '001',
    title: 'Invalid Card, the chip has no payment application: not a bank card',
    code: 'Invalid Card',
    sim: { ccid: 'no-app' },
    amount: 25,
  },
  {
    id: 'card-frozen',
    seed: '001',
    title: 'Transaction Failed, the chip says the card is blocked: the issuer froze it',
    code: 'Transaction Failed',
    sim: { ccid: 'card-blocked' },
    amount: 80,
  },
  { id: '54-expired', seed: '000', title: "code 54, the chip's expiry date has passed", code: '54', sim: { ccid: 'expired' }, amount: 42 },
  { id: 'terminated-expired', seed: '003', title: '交易终止, the card in the chip reader has expired', code: '交易终止', sim: { ccid: 'expired' }, amount: 66 },
  {
    id: 'chip-reader',
    seed: '001',
    title: 'chip power-up failed (T11), the chip reader does not answer: the reader, not the card',
    code: 'T11',
    sim: { ccid: 'silent' },
    amount: 30,
  },
  { id: 'paper-out', seed: '-', title: 'paper runs out: the slip waits in the queue', code: 'T13', sim: { printer: 'paper-out' } },
  { id: 'devices', seed: '-', title: 'start the simulated terminal and check that every device answers', sim: {} },
];

export function findScenario(id: string): DemoScenario | undefined {
  return DEMO_SCENARIOS.find((s) => s.id === id);
}
