/**
 * What every device check does the same way: run a step and, when it fails, report the finding that
 * says why and stop; and say what a transport error means for the device's link. Finding ids are
 * `<device>.<step>`; a lost, missing or busy port is `<device>.link`, whichever step met it.
 */
import { isHalError } from './errors';
import type { CheckContext, Finding } from './selfcheck';

/** Thrown inside a run to end it after the finding that explains why has been reported. */
export class Stop extends Error {}

/** Ends a run that threw Stop quietly; anything else goes on to the runner. */
export async function untilStopped(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  }
}

/**
 * Runs one step; what went wrong becomes the step's finding (`findingFor`), is reported, and stops the
 * run. A step that got no reply stops it too: a device silent once is silent for every later step. A
 * step inside a step that has already stopped the run passes the stop on, with no second finding.
 */
export async function step<T>(ctx: CheckContext, findingFor: (err: unknown) => Finding, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (ctx.signal.aborted || err instanceof Stop) throw err; // the runner already reports the spent budget; a stop is reported
    const f = findingFor(err);
    ctx.report(f);
    throw new Stop(f.message);
  }
}

/**
 * A transport error as `device`'s finding, the one mapping every check uses: an unplugged (or, after that,
 * closed), missing, busy or forbidden port is the `<device>.link` finding, its value the error's code; no
 * reply and any other error belong to the step `id`. Messages are `check.<device>.*`; `extra` adds the
 * device's own parameters to an unplug (the modem names the command it was asking).
 */
export function transportFinding(device: string, id: string, err: unknown, extra: { params?: Finding['params'] } = {}): Finding {
  const link = `${device}.link`;
  const path = isHalError(err) ? String(err.context.path ?? '') : '';
  if (isHalError(err, 'Transport_Timeout'))
    return { id, status: 'timeout', message: `check.${device}.no-reply`, ...(id === link ? {} : { params: { step: id } }) };
  // A line closed under a request is the same loss as the hang-up that closed it.
  if (isHalError(err, 'Transport_Disconnected') || isHalError(err, 'Transport_Closed')) {
    return {
      id: link,
      status: 'absent',
      value: 'Transport_Disconnected',
      message: `check.${device}.unplugged`,
      ...(extra.params ? { params: extra.params } : {}),
    };
  }
  if (isHalError(err, 'Transport_NotFound')) return { id: link, status: 'absent', value: err.code, message: `check.${device}.not-found`, params: { path } };
  if (isHalError(err, 'Transport_Busy')) return { id: link, status: 'fail', value: err.code, message: `check.${device}.busy`, params: { path } };
  if (isHalError(err, 'Transport_PermissionDenied'))
    return { id: link, status: 'fail', value: err.code, message: `check.${device}.permission`, params: { path } };
  const code = isHalError(err) ? err.code : 'Unexpected';
  return { id, status: 'fail', value: code, message: `check.${device}.error`, params: { error: code } };
}
