/**
 * One row of a device-check fault table, run and asserted the same way wherever the table is proved: the
 * expected findings present, the absent ones missing, the device's status. Returns the run and its wall time
 * for the caller's own checks (deadlines, what must never appear in it).
 */
import { CheckLevel, CheckStatus, DeviceCheck, Finding, runChecks, SelfTestResult } from '../../hal/selfcheck';

export interface CheckCase {
  level: CheckLevel;
  expect: Array<Partial<Finding>>;
  absent?: string[];
  status: CheckStatus;
}

export async function runCheckCase(check: DeviceCheck, c: CheckCase): Promise<{ run: SelfTestResult; ms: number }> {
  const t0 = performance.now();
  const run = await runChecks([check], { level: c.level });
  const ms = performance.now() - t0;
  const result = run.devices[0]!;
  for (const e of c.expect) expect(result.findings).toContainEqual(expect.objectContaining(e));
  for (const id of c.absent ?? []) expect(result.findings.map((f) => f.id)).not.toContain(id);
  expect(result.status).toBe(c.status);
  return { run, ms };
}
