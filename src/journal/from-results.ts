/**
 * What the journal keeps of self-check results and a diagnosis, pure: ids, statuses, values and units.
 * Messages and their parameters are left out — the texts are rebuilt from the ids when a record is
 * shown, and parameters are where free text from a device could carry more than the journal should.
 */
import type { DeviceResult, Finding } from '../../hal/selfcheck';
import type { Diagnosis } from '../diagnosis/diagnose';
import type { JournalDevice, JournalFinding } from './types';

function valueAndUnit(f: { value?: number | string; unit?: string }): Pick<JournalFinding, 'value' | 'unit'> {
  return { ...(f.value !== undefined ? { value: f.value } : {}), ...(f.unit ? { unit: f.unit } : {}) };
}

export function journalFinding(f: Finding): JournalFinding {
  return { id: f.id, status: f.status, ...valueAndUnit(f) };
}

export function journalDevices(devices: readonly DeviceResult[]): JournalDevice[] {
  return devices.map((d) => ({ device: d.device, ...(d.name ? { name: d.name } : {}), status: d.status, findings: d.findings.map(journalFinding) }));
}

export function journalCause(cause: Diagnosis['cause']): {
  id: string;
  side: string;
  evidence: Array<{ finding: string; status: string; value?: number | string; unit?: string }>;
} {
  return { id: cause.id, side: cause.side, evidence: cause.evidence.map((e) => ({ finding: e.finding, status: e.status, ...valueAndUnit(e) })) };
}
