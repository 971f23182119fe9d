/**
 * The slip's machine-readable summary (its QR code): what a support desk's phone scan needs to find the
 * case, nothing a card holder would mind: no card number, no amount.
 *
 *   PD1|<code>|<yyyymmddhhmmss>|<terminal id>|<finding>=<P|W|F|A|T>,…
 *
 * Findings that passed are left out to keep the code small (version 3–4 at ECC L); an all-pass run
 * reads "ok".
 */
import type { CheckStatus } from '../../hal/selfcheck';

const LETTER: Record<CheckStatus, string> = { pass: 'P', warn: 'W', fail: 'F', absent: 'A', timeout: 'T' };

export function slipSummary(input: { code: string; time: string; terminalId: string; checks: ReadonlyArray<{ id: string; status: CheckStatus }> }): string {
  const clean = (s: string) =>
    String(s)
      .replace(/[^\x21-\x7e]/g, '')
      .replace(/[|,=]/g, '');
  const time = String(input.time).replace(/\D/g, '').slice(0, 14);
  const findings = input.checks.filter((c) => c.status !== 'pass').map((c) => `${clean(c.id)}=${LETTER[c.status]}`);
  return ['PD1', clean(input.code), time, clean(input.terminalId), findings.join(',') || 'ok'].join('|');
}
