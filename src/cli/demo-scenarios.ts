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
  { id: '96-weak-signal', seed: '002', title: 'code 96 at lunchtime, the modem barely hears the tower', code: '96', sim: { modem: 'weak-signal' }, amount: 128 },
  { id: '96-no-signal', seed: '002', title: 'code 96, the terminal has no signal at all', code: '96', sim: { modem: 'no-signal' }, amount: 36.5 },
  { id: '96-bank', seed: '000', title: 'code 96, every device healthy: the bank side', code: '96', sim: {}, amount: 58 },
  { id: '96-reader', seed: '000', title: 'code 96, the card reader fails its RAM test', code: '96', sim: { pn532: 'ram-fail' }, amount: 18 },
  { id: 'no-communication', seed: '001', title: 'NO COMMUNICATION, the acquirer host does not answer', code: 'NO COMMUNICATION', sim: { host: 'blackhole' }, amount: 99 },
  { id: 'invalid-card', seed: '001', title: 'Invalid Card, and the reader checks out: the card', code: 'Invalid Card', sim: {}, amount: 25 },
  { id: 'exceeds-limit', seed: '001', title: 'Transaction Exceeds Limit on a large sale', code: 'Transaction Exceeds Limit', sim: {}, amount: 52000 },
  { id: 'terminated', seed: '003', title: '交易终止 while the host is slow at peak hour', code: '交易终止', sim: { host: 'slow' }, amount: 66 },
  { id: 'user-exception', seed: '004', title: '用户异常, terminal and network fine: the card was inserted wrongly', code: '用户异常', sim: {}, amount: 12.5 },
  { id: 'paper-out', seed: '-', title: 'paper runs out: the slip waits in the queue', code: 'T13', sim: { printer: 'paper-out' } },
  { id: 'devices', seed: '-', title: 'start the simulated terminal and check that every device answers', sim: {} },
];

export function findScenario(id: string): DemoScenario | undefined {
  return DEMO_SCENARIOS.find((s) => s.id === id);
}
