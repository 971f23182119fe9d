import { isRegistrationReadReply } from '../../../hal/modem/at-parsers';
import { BatchCommand, CombinedReplyCollector, CommandOutcome, joinCommandLine, planCommandLines } from '../../../hal/modem/at-batch';

// The commands of the modem check's read-ahead, by name.
const C: Record<string, BatchCommand> = {
  CGMI: { command: 'AT+CGMI' },
  CGMM: { command: 'AT+CGMM' },
  CGMR: { command: 'AT+CGMR' },
  CGSN: { command: 'AT+CGSN' },
  CCID: { command: 'AT+CCID' },
  CPIN: { command: 'AT+CPIN?', prefixes: ['+CPIN:'], single: true },
  CSQ: { command: 'AT+CSQ', prefixes: ['+CSQ:'], single: true },
  CREG: { command: 'AT+CREG?', prefixes: ['+CREG:'], solicited: isRegistrationReadReply, single: true },
  CGREG: { command: 'AT+CGREG?', prefixes: ['+CGREG:'], solicited: isRegistrationReadReply, single: true },
  CEREG: { command: 'AT+CEREG?', prefixes: ['+CEREG:'], solicited: isRegistrationReadReply, single: true },
  COPS30: { command: 'AT+COPS=3,0', silent: true },
  COPS32: { command: 'AT+COPS=3,2', silent: true },
  COPS: { command: 'AT+COPS?', prefixes: ['+COPS:'], single: true },
  CGDCONT: { command: 'AT+CGDCONT?', prefixes: ['+CGDCONT:'] },
};

/** Feeds a combined reply (CR LF framed, as the driver's line framing delivers it) and returns the split. */
function split(names: string[], reply: string): { final: string; outcomes: CommandOutcome[]; urcs: string[]; echoes: number } {
  const c = new CombinedReplyCollector(names.map((n) => C[n]));
  let final = 'incomplete';
  const frames = reply.split('\r\n');
  frames.pop(); // what follows the last CR LF is not a line yet: the framing holds it back
  for (const frame of frames) {
    const r = c.push(frame);
    if (r.kind !== 'incomplete') {
      final = r.kind;
      break;
    }
  }
  return { final, outcomes: c.outcomes(), urcs: c.urcs, echoes: c.echoes };
}

const ok = (...lines: string[]): CommandOutcome => ({ kind: 'ok', lines });
const UNKNOWN: CommandOutcome = { kind: 'unknown' };
const cme = (code: number) => expect.objectContaining({ kind: 'failed', error: expect.objectContaining({ kind: 'cme', code }) });

describe('joinCommandLine (V.250 §5.4)', () => {
  test.each([
    [['AT+CSQ'], 'AT+CSQ'],
    [['ATE0', 'ATV1'], 'ATE0V1'],
    [['AT+CPIN?', 'AT+CSQ', 'AT+CREG?'], 'AT+CPIN?;+CSQ;+CREG?'],
    [['ATE0', 'AT+CMEE=1', 'AT+CSQ'], 'ATE0+CMEE=1;+CSQ'],
    [['AT+COPS=3,0', 'AT+COPS?'], 'AT+COPS=3,0;+COPS?'],
  ])('%j → %s', (commands, line) => {
    expect(joinCommandLine(commands)).toBe(line);
  });
});

describe('planCommandLines: as few lines as fit, CR included, order kept', () => {
  const cmds = ['AT+CGMI', 'AT+CGMM', 'AT+CPIN?', 'AT+CSQ'];
  test.each([
    [256, [cmds]],
    [joinCommandLine(cmds).length + 1, [cmds]], // exactly full
    [joinCommandLine(cmds).length, [cmds.slice(0, 3), cmds.slice(3)]], // one short
    [
      16,
      [
        ['AT+CGMI', 'AT+CGMM'],
        ['AT+CPIN?', 'AT+CSQ'],
      ],
    ],
    [5, cmds.map((c) => [c])], // too long for any line: one each
  ])('max %i', (max, lines) => {
    expect(planCommandLines(cmds, max)).toEqual(lines);
  });
});

describe('CombinedReplyCollector: the reply split at every command', () => {
  const ID = ['CGMI', 'CGMM', 'CGMR', 'CGSN'];
  const HEALTHY = ['CGMI', 'CGMM', 'CGMR', 'CGSN', 'CPIN', 'CCID', 'CSQ', 'CREG', 'CGREG', 'COPS30', 'COPS', 'COPS32', 'COPS', 'CGDCONT', 'CEREG'];
  const idReply = '\r\nSIMCOM_Ltd\r\n\r\nSIMCOM_SIM800L\r\n\r\nRevision:1418B04SIM800L24\r\n\r\n869170031234567\r\n';

  test('healthy line: every command its own lines; a 2G modem refuses the last (+CEREG?), which failed', () => {
    const reply =
      idReply +
      '\r\n+CPIN: READY\r\n\r\n89860012345678901234\r\n\r\n+CSQ: 21,0\r\n\r\n+CREG: 0,1\r\n\r\n+CGREG: 0,1\r\n' +
      '\r\n+COPS: 0,0,"CHINA MOBILE"\r\n\r\n+COPS: 0,2,"46000"\r\n\r\n+CGDCONT: 1,"IP","CMNET","10.81.23.45",0,0\r\n\r\n+CGDCONT: 2,"IP","cmwap","0.0.0.0",0,0\r\n\r\nERROR\r\n';
    const r = split(HEALTHY, reply);
    expect(r.final).toBe('error');
    expect(r.outcomes).toEqual([
      ok('SIMCOM_Ltd'),
      ok('SIMCOM_SIM800L'),
      ok('Revision:1418B04SIM800L24'),
      ok('869170031234567'),
      ok('+CPIN: READY'),
      ok('89860012345678901234'),
      ok('+CSQ: 21,0'),
      ok('+CREG: 0,1'),
      ok('+CGREG: 0,1'),
      ok(),
      ok('+COPS: 0,0,"CHINA MOBILE"'),
      ok(),
      ok('+COPS: 0,2,"46000"'),
      ok('+CGDCONT: 1,"IP","CMNET","10.81.23.45",0,0', '+CGDCONT: 2,"IP","cmwap","0.0.0.0",0,0'),
      { kind: 'failed', error: { kind: 'error', text: 'ERROR' }, lines: [] },
    ]);
  });

  test('OK: all succeeded, silent commands with no lines', () => {
    expect(split(['COPS30', 'COPS', 'COPS32', 'COPS'], '\r\n+COPS: 0,0,"A"\r\n\r\n+COPS: 0,2,"46000"\r\n\r\nOK\r\n').outcomes).toEqual([
      ok(),
      ok('+COPS: 0,0,"A"'),
      ok(),
      ok('+COPS: 0,2,"46000"'),
    ]);
  });

  test('URCs between the replies go to the URC list, never to a command (urc-storm)', () => {
    const reply =
      '\r\n+CREG: 1,"1A2B","01C3D4E5"\r\n\r\nSIMCOM_Ltd\r\n\r\n+CIEV: "SIGNAL",3\r\n\r\n+CSQ: 21,0\r\n\r\n+CGREG: 1\r\n\r\n+CREG: 0,1\r\n\r\nRING\r\n\r\n+CGREG: 0,1\r\n\r\n+CTZV: "+32"\r\n\r\nOK\r\n';
    const r = split(['CGMI', 'CSQ', 'CREG', 'CGREG'], reply);
    expect(r.outcomes).toEqual([ok('SIMCOM_Ltd'), ok('+CSQ: 21,0'), ok('+CREG: 0,1'), ok('+CGREG: 0,1')]);
    expect(r.urcs).toEqual(['+CREG: 1,"1A2B","01C3D4E5"', '+CIEV: "SIGNAL",3', '+CGREG: 1', 'RING', '+CTZV: "+32"']);
  });

  test('echo of the combined line is counted, not taken as a reply', () => {
    const r = split(['CSQ', 'CREG'], 'AT+CSQ;+CREG?\r\r\n+CSQ: 21,0\r\n\r\n+CREG: 0,1\r\n\r\nOK\r\n');
    expect(r.echoes).toBe(1);
    expect(r.outcomes).toEqual([ok('+CSQ: 21,0'), ok('+CREG: 0,1')]);
  });

  // A SIM-less modem: +CPIN? fails and the rest of the line is not run.
  test.each<[string, string[], string, CommandOutcome[] | unknown[]]>([
    ['error at the first command: nothing known', ['CPIN', 'CSQ', 'CREG'], '\r\n+CME ERROR: 10\r\n', [UNKNOWN, UNKNOWN, UNKNOWN]],
    [
      'error after the identity: identity known, the rest asked again',
      [...ID, 'CPIN', 'CSQ'],
      idReply + '\r\n+CME ERROR: 10\r\n',
      [ok('SIMCOM_Ltd'), ok('SIMCOM_SIM800L'), ok('Revision:1418B04SIM800L24'), ok('869170031234567'), UNKNOWN, UNKNOWN],
    ],
    [
      'error with one command left after the last answer: that one failed',
      [...ID, 'CPIN'],
      idReply + '\r\n+CME ERROR: 10\r\n',
      [ok('SIMCOM_Ltd'), ok('SIMCOM_SIM800L'), ok('Revision:1418B04SIM800L24'), ok('869170031234567'), cme(10)],
    ],
    ['a lone command that fails', ['CPIN'], '\r\n+CME ERROR: 10\r\n', [cme(10)]],
    [
      'a silent command before the error: not known whether it ran',
      ['CSQ', 'COPS32', 'COPS'],
      '\r\n+CSQ: 21,0\r\n\r\nERROR\r\n',
      [ok('+CSQ: 21,0'), UNKNOWN, UNKNOWN],
    ],
    ['a silent command that a later answer proves', ['COPS30', 'COPS', 'CPIN'], '\r\n+COPS: 0\r\n\r\n+CME ERROR: 10\r\n', [ok(), ok('+COPS: 0'), cme(10)]],
  ])('%s', (_name, names, reply, want) => {
    expect(split(names, reply).outcomes).toEqual(want);
  });

  test.each<[string, string[], string, CommandOutcome[]]>([
    [
      'a two-line AT+CGMR among free-form commands: the run is not split, asked again',
      ID,
      '\r\nSIMCOM_Ltd\r\n\r\nSIMCOM_SIM800L\r\n\r\nRevision:1418B04\r\n\r\nSIM800L24\r\n\r\n869170031234567\r\n\r\nOK\r\n',
      [UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN],
    ],
    [
      'a lone free-form command keeps all its lines',
      ['CGMR', 'CSQ'],
      '\r\nRevision:1418B04\r\n\r\nSIM800L24\r\n\r\n+CSQ: 21,0\r\n\r\nOK\r\n',
      [ok('Revision:1418B04', 'SIM800L24'), ok('+CSQ: 21,0')],
    ],
    [
      'free-form runs apart, split by the prefixed answer between them',
      ['CGMI', 'CPIN', 'CCID'],
      '\r\nSIMCOM_Ltd\r\n\r\n+CPIN: READY\r\n\r\n89860012345678901234\r\n\r\nOK\r\n',
      [ok('SIMCOM_Ltd'), ok('+CPIN: READY'), ok('89860012345678901234')],
    ],
    [
      'a prefixed reply shared by two single commands: one each, in order',
      ['COPS', 'COPS'],
      '\r\n+COPS: 0,0,"A"\r\n\r\n+COPS: 0,2,"1"\r\n\r\nOK\r\n',
      [ok('+COPS: 0,0,"A"'), ok('+COPS: 0,2,"1"')],
    ],
    ['a command that gave nothing (CGDCONT? with no context)', ['CGDCONT', 'CSQ'], '\r\n+CSQ: 21,0\r\n\r\nOK\r\n', [ok(), ok('+CSQ: 21,0')]],
  ])('%s', (_name, names, reply, want) => {
    expect(split(names, reply).outcomes).toEqual(want);
  });

  test('no final result yet (a line cut by a disconnect): what answered is known, the rest not', () => {
    const r = split([...ID, 'CPIN', 'CCID', 'CSQ', 'CREG'], idReply + '\r\n+CPIN: READY\r\n\r\n89860012345678901234\r\n\r\n+CS');
    expect(r.final).toBe('incomplete');
    expect(r.outcomes.slice(4)).toEqual([ok('+CPIN: READY'), ok('89860012345678901234'), UNKNOWN, UNKNOWN]);
  });
});
