/**
 * Debian's libnfc (libnfc-bin, libnfc-examples, libnfc-pn53x-examples 1.8.0) against the PN532
 * simulator on a real pseudo-terminal. libnfc checks the ACK before every reply, LCS/DCS, TFI D5 and
 * command + 1 (shared/reference/compat-clients.md §2), so this is an outside check of the simulator.
 * The tools exit 0 even when the device does not open: the assertions read what they print.
 */
import { execFile } from 'node:child_process';
import { requireSystemTool } from '../../mocks/pty-pair';
import { startOnPty, RunningSimulator } from '../../mocks/pty-attach';
import { Pn532Fault, Pn532Simulator } from '../../mocks/pn532-sim';

requireSystemTool('nfc-list');

let running: RunningSimulator<Pn532Simulator> | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

/** Runs a libnfc tool without blocking the event loop (the simulator answers from this process). */
function libnfc(tool: string, args: string[], hostPath: string): Promise<{ out: string; code: number | null }> {
  return new Promise((resolve) => {
    execFile(
      tool,
      args,
      { timeout: 15_000, env: { ...process.env, LIBNFC_DEFAULT_DEVICE: `pn532_uart:${hostPath}`, LIBNFC_LOG_LEVEL: '1' } },
      (err, stdout, stderr) => resolve({ out: `${stdout}\n${stderr}`, code: err ? ((err as { code?: number }).code ?? null) : 0 }),
    );
  });
}

async function simulator(fault: Pn532Fault): Promise<RunningSimulator<Pn532Simulator>> {
  running = await startOnPty(new Pn532Simulator(fault));
  return running;
}

test('nfc-scan-device -v opens the simulator and names it PN532 v1.6', async () => {
  const { hostPath, sim } = await simulator('healthy');
  const { out } = await libnfc('nfc-scan-device', ['-v'], hostPath);
  expect(out).toContain('1 NFC device(s) found');
  expect(out).toContain('chip: PN532 v1.6');
  expect(out).toMatch(/initator mode modulations: ISO\/IEC 14443A/);
  // libnfc's start-up, in order: SAMConfiguration, Diagnose, GetFirmwareVersion, SetParameters (compat-clients.md §2).
  expect(sim.commands.slice(0, 4)).toEqual([0x14, 0x00, 0x02, 0x12]);
  // …and it opened with the wake-up preamble first.
  expect(sim.receivedBytes().subarray(0, 2)).toEqual(Buffer.from([0x55, 0x55]));
});

test('nfc-list with a card present lists the type-A target', async () => {
  const { hostPath } = await simulator('card-present');
  const { out } = await libnfc('nfc-list', [], hostPath);
  expect(out).toContain('NFC device: user defined default device opened');
  expect(out).toContain('1 ISO14443A passive target(s) found');
  expect(out).toMatch(/ATQA \(SENS_RES\): 00 {2}04/);
  expect(out).toMatch(/UID \(NFCID1\): de {2}ad {2}be {2}ef/);
  expect(out).toMatch(/SAK \(SEL_RES\): 08/);
});

test('nfc-list with no card opens the device and finds nothing', async () => {
  const { hostPath } = await simulator('healthy');
  const { out } = await libnfc('nfc-list', [], hostPath);
  expect(out).toContain('NFC device: user defined default device opened');
  expect(out).not.toContain('passive target(s) found');
});

test.each([
  ['healthy', 'OK'],
  ['rom-fail', 'Failed'],
] as const)('pn53x-diagnose on the %s simulator: communication line and RAM OK, ROM %s', async (fault, rom) => {
  const { hostPath } = await simulator(fault);
  const { out } = await libnfc('pn53x-diagnose', [], hostPath);
  expect(out).toContain('opened');
  expect(out).toMatch(/Communication line test: OK/);
  expect(out).toContain(`ROM test: ${rom}`);
  expect(out).toMatch(/RAM test: OK/);
});

test('libnfc refuses the bad-checksum fault as a real PN532 with a corrupt reply', async () => {
  const { hostPath } = await simulator('bad-checksum');
  const { out } = await libnfc('nfc-list', [], hostPath);
  expect(out).not.toContain('opened');
  expect(out).toContain('Data checksum mismatch');
});
