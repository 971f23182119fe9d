/**
 * The modem check's queries that are read ahead on combined command lines (check.ts takes their
 * replies in its steps). Bundled with the batch runner, outside dist/cli.js.
 */
import { isRegistrationReadReply } from './at-parsers';
import type { BatchItem } from './at-batch';
import type { ModemTimeouts } from './timeouts';

/**
 * What the steps ask whatever the answers, in their order: commands that change nothing (AT+COPS=3,x
 * only picks the reply's format), so asking them ahead is the same as asking them in turn. Above the
 * internal level the PDP queries stay with their step: they come after a possible AT+CGATT=1. +CEREG?
 * goes last: a 2G modem refuses it, and an error at the end of a line leaves nothing to ask again.
 */
export function readAhead(t: ModemTimeouts, internal: boolean): BatchItem[] {
  const list = `CGMI CGMM CGMR CGSN CPIN? CCID CSQ CREG? CGREG? COPS=3,0 COPS? COPS=3,2 COPS? CGATT?${internal ? ' CGDCONT? CGPADDR' : ''} CEREG?`;
  const deadline: Record<string, number> = {
    CPIN: t.simMs,
    CCID: t.iccidMs,
    CSQ: t.signalMs,
    COPS: t.operatorMs,
    CREG: t.registrationMs,
    CGREG: t.registrationMs,
    CEREG: t.registrationMs,
  };
  return list.split(' ').map((c) => {
    const name = c.replace(/[?=].*/, '');
    const item: BatchItem = { command: `AT+${c}`, timeoutMs: deadline[name] ?? (/^CGM|^CGSN/.test(name) ? t.identityMs : t.packetMs) };
    if (c.includes('='))
      item.silent = true; // AT+COPS=3,x
    else if (!/^CGM|^CGSN|^CCID/.test(name)) {
      // Identity and ICCID answer free-form text; the rest with their prefix, once (the PDP lists per context).
      item.prefixes = [`+${name}:`];
      item.single = !name.startsWith('CGD') && !name.startsWith('CGP');
      if (name.endsWith('REG')) item.solicited = isRegistrationReadReply;
    }
    return item;
  });
}
