/**
 * `posdiag menu`: the PIN-protected technician menu on this terminal's screen and keys.
 * `posdiag menu --hash-pin`: reads a new PIN and prints the hash for technician.pinHash.
 */
import { PROFILE_DEFAULTS } from '../../../hal/deadline-profiles';
import { systemClock, type Clock } from '../../../hal/clock';
import { TELEMETRY_OPTIONS } from '../../fleet/options';
import { HalError } from '../../../hal/errors';
import { text } from '../../i18n/catalog';
import { openJournal } from '../../journal';
import { deviceServices } from '../../menu/device-services';
import { resolveLockoutOptions } from '../../menu/lockout';
import { MenuModel } from '../../menu/model';
import { hashPin, parsePinHash } from '../../menu/pin';
import { readNewPin } from '../../menu/read-pin';
import { runTtyMenu, type TtyInput, type TtyOutput } from '../../menu/tty-ui';
import { openEnvironment } from '../../runtime';
import { CliIo, EXIT } from '../io';
import type { CommandSpec } from '../spec';

/** The menu needs a keyboard and a screen; tests hand in streams, the real command uses the process's. */
export interface MenuStreams {
  stdin?: TtyInput;
  screen?: TtyOutput;
}

/** The lockout is kept in absolute time, so the menu runs on the wall clock (timers from the system clock). */
const wallClock: Clock = { now: () => Date.now(), setTimeout: systemClock.setTimeout, clearTimeout: systemClock.clearTimeout };

/** The prompts of --hash-pin, `menu.hash-pin.<id>` in the catalog. */
type Prompt = 'enter' | 'again' | 'mismatch' | 'paste';

export const command: CommandSpec = {
  name: 'menu',
  options: [{ name: 'hash-pin', help: 'read a new technician PIN (4 to 12 digits) from stdin and print its hash for technician.pinHash' }],
  notes:
    'Keys: digits, Enter, Esc (Cancel: back, stop a test, leave), Backspace (correct the PIN).\nThe simulated terminal (--sim, or no configuration) opens with the demo PIN 1234.',
  examples: ['posdiag menu --sim', 'posdiag menu --config /data/posdiag/config.json', 'posdiag menu --hash-pin --json'],
  async run({ opts }, ctx) {
    // Tests hand in the keyboard and the screen with the io.
    const io = ctx.io as CliIo & MenuStreams;
    const stdin = io.stdin ?? (process.stdin as TtyInput);
    const say = (key: Prompt) => text(`menu.hash-pin.${key}`, ctx.locale);
    if (opts.hashPin) {
      // Prompts on stderr, so that stdout holds the hash (or the JSON document) alone.
      const pin = await readNewPin(
        stdin,
        { isTTY: false, write: (s: string) => io.stderr(s) },
        { enter: say('enter'), again: say('again'), mismatch: say('mismatch') },
      );
      const pinHash = await hashPin(pin);
      if (!ctx.json) io.stderr(say('paste') + '\n');
      return { exitCode: EXIT.ok, json: { pinHash }, text: pinHash };
    }
    if (ctx.json) throw new HalError('Usage_Invalid', 'menu is interactive; --json goes with --hash-pin only');

    const env = await openEnvironment({ configPath: ctx.configPath, sim: ctx.sim, env: io.env, say: io.stderr });
    try {
      const pinHash = env.config.technician?.pinHash;
      if (!pinHash) {
        throw new HalError(
          'Config_Invalid',
          'technician.pinHash is not set in the configuration: the menu stays closed without a PIN (make a hash with: posdiag menu --hash-pin)',
        );
      }
      parsePinHash(pinHash); // a malformed hash is a configuration error before the screen opens
      const dataDir = env.dataDir;
      const lockout = resolveLockoutOptions();
      const services = deviceServices({
        checkEnv: { ...env.checkEnv, profile: env.config.checks?.profile ?? PROFILE_DEFAULTS.menu },
        terminal: env.config.terminal,
        dataDir,
        journal: openJournal(dataDir, {
          holdUnacked: env.config.telemetry && (env.config.telemetry.maxUnackedRecords ?? TELEMETRY_OPTIONS.maxUnackedRecords.default),
        }),
        pinHash,
        lockout,
        selfTestBudgetMs: env.config.checks?.budgetMs,
      });
      const model = new MenuModel(services, wallClock, { lockout });
      const screen = io.screen ?? (process.stdout as TtyOutput);
      await runTtyMenu(model, { input: stdin, output: screen, locale: ctx.locale ?? env.config.terminal.locale, color: ctx.color });
      return { exitCode: EXIT.ok, json: null, text: '' };
    } finally {
      await env.close();
    }
  },
};
