/**
 * The menu's services on a real (or simulated) terminal: the device checks, the printer, the slip
 * store and the journal. `posdiag menu` builds these; tests of the model use stubs instead.
 */
import { CheckedDevice, CHECKED_DEVICES, CheckEnv } from '../../hal/devices';
import { createReaderCheck } from '../../hal/reader/reader-check';
import { configuredReaders } from '../../hal/reader/readers';
import { deviceEnv } from '../../hal/check-env';
import { DeviceResult, runChecks, SelfTestResult, worstStatus, type CheckStatus } from '../../hal/selfcheck';
import { abortable, notConfigured, runSelfTest } from '../services/selftest';
import type { TerminalConfig } from '../config/types';
import { journalDevices, type Journal, type JournalRecord } from '../journal';
import { findSlip, reprintSlip } from '../services/print-slip';
import { fileLockStore } from './lock-store';
import type { LockoutOptions } from './lockout';
import { verifyPin } from './pin';
import type { JournalLine, MenuServices, TestHooks } from './services';

export interface DeviceServicesOptions {
  checkEnv: CheckEnv;
  terminal: TerminalConfig;
  dataDir: string;
  journal: Journal;
  pinHash: string;
  lockout: LockoutOptions;
  /** Whole self-test run (items 1 and 2). Default 30 000 ms. */
  selfTestBudgetMs?: number;
}

const REACH: Record<'full' | 'modem-network', readonly CheckedDevice[]> = { full: CHECKED_DEVICES, 'modem-network': ['modem', 'network'] };

export function deviceServices(o: DeviceServicesOptions): MenuServices {
  const budget = o.selfTestBudgetMs ?? 30_000;
  const who = { terminalId: o.terminal.id, merchantId: o.terminal.merchantId, ...(o.terminal.location ? { location: o.terminal.location } : {}) };

  /** A technician's test run goes into the journal with its findings, as `posdiag selftest` results do. */
  const journaled = async (level: string, result: SelfTestResult): Promise<SelfTestResult> => {
    const devices = journalDevices(result.devices);
    await o.journal.append({ kind: 'selftest', level, devices, ...who }).catch(() => undefined);
    return result;
  };
  const hooksFor = (devices: readonly string[], hooks: TestHooks) => {
    // A row per check: each of several readers has its own, under its name.
    for (const device of devices) {
      const names = device === 'reader' ? configuredReaders(o.checkEnv.devices).map((r) => r.name) : [];
      for (const name of names.length ? names : [undefined]) hooks.onDevice({ device, ...(name ? { name } : {}), state: 'running' });
    }
    return {
      signal: hooks.signal,
      onDeviceDone: (r: DeviceResult) => hooks.onDevice({ device: r.device, ...(r.name ? { name: r.name } : {}), state: 'done', status: r.status, ms: r.ms }),
    };
  };

  return {
    verifyPin: (pin) => verifyPin(pin, o.pinHash),
    lockStore: fileLockStore(o.dataDir, o.lockout),
    async selfTest(scope, hooks) {
      const devices = REACH[scope];
      return journaled('internal', await runSelfTest(devices, o.checkEnv, 'internal', budget, undefined, hooksFor(devices, hooks)));
    },
    async readerTest(windowMs, hooks) {
      // Every reader at once, each waiting for its own tap or swipe, each under its name.
      const readers = configuredReaders(o.checkEnv.devices).map((r) => createReaderCheck(deviceEnv(o.checkEnv, r), { interactiveMs: windowMs }));
      const checks = (readers.length ? readers : [notConfigured('reader')]).map((c) => abortable(c, hooks.signal));
      const h = hooksFor(['reader'], hooks);
      // The reader check's own budget already holds the swipe window; the run adds a second of slack.
      const result = await runChecks(checks, {
        level: 'interactive',
        totalBudgetMs: Math.max(...checks.map((c) => c.budgetMs)) + 1000,
        onDeviceDone: h.onDeviceDone,
      });
      return journaled('interactive', result);
    },
    async printerTestPage(hooks) {
      return journaled('external', await runSelfTest(['printer'], o.checkEnv, 'external', budget, undefined, hooksFor(['printer'], hooks)));
    },
    async reprintLast(signal) {
      const slip = await findSlip(o.dataDir, 'last');
      if (!slip) return { state: 'none' };
      const out = await reprintSlip(o.checkEnv, o.dataDir, slip, signal);
      return { state: out.state, slipId: slip.id, ...(out.reason ? { reason: out.reason } : {}) };
    },
    async listJournal(limit) {
      return (await o.journal.list({ limit })).map(journalLine);
    },
    async record(event, detail) {
      await o.journal.append({ kind: 'menu', event, ...(detail ? { detail } : {}), ...who });
    },
  };
}

/** A record in a few words for a 32-column line. */
export function journalLine(r: JournalRecord): JournalLine {
  const base = { seq: r.seq, time: r.time, kind: r.kind };
  switch (r.kind) {
    case 'diagnosis':
      return { ...base, summary: `${r.code} ${r.category}` };
    case 'menu':
      // A test's or a lockout's detail says it all ("printer-page: pass", "lockout 2, 60 s").
      if (r.detail && (r.event === 'test' || r.event === 'reprint' || r.event === 'lockout')) return { ...base, summary: r.detail };
      return { ...base, summary: `${r.event}${r.detail ? ' ' + r.detail : ''}` };
    case 'selftest':
      return { ...base, summary: `checks: ${worstStatus(r.devices as ReadonlyArray<{ status: CheckStatus }>)}` };
  }
}
