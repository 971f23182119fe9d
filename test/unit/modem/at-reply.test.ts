import { AtReplyCollector, classifyLine, classifyReply, cleanLine } from '../../../hal/modem/at-reply';
import { cmeError } from '../../../hal/modem/cme-errors';
import { isRegistrationReadReply } from '../../../hal/modem/at-parsers';

// Sources: MM = ModemManager src/tests/test-at-serial-port.c and mm-serial-parsers.c as quoted in
// devices.md §1.1; SIM800 = the transcript of compat-clients.md §3; gammu#115 = the echo noise shown in
// gammu issue 115 (devices.md §1.4); FreeRTOS#89 = FreeRTOS-Cellular-Interface issue 89 (CREG URC vs reply);
// 27.007 = 3GPP TS 27.007 result code syntax.
const CSQ = { command: 'AT+CSQ', prefixes: ['+CSQ:'] };
const CREG = { command: 'AT+CREG?', prefixes: ['+CREG:'], solicited: isRegistrationReadReply };
const FREE = { command: 'AT+CGMI' };

describe('classifyReply over whole transcripts', () => {
  test.each([
    ['MM: OK with a trailing URC', '\r\nOK\r\n\r\n+CMTI: "ME",1\r\n', FREE, { kind: 'ok', lines: [] }],
    ['MM: "+CME ERROR:" with no code is not a final result', '\r\n+CME ERROR:\r\n', FREE, { kind: 'incomplete' }],
    ['MM: echo before the first CR LF is dropped', 'echo echo\r\nthis is valid\r\nOK\r\n', FREE, { kind: 'ok', lines: ['this is valid'] }],
    ['SIM800: echoed AT+CSQ then the reply', 'AT+CSQ\r\r\n+CSQ: 21,0\r\n\r\nOK\r\n', CSQ, { kind: 'ok', lines: ['+CSQ: 21,0'] }],
    ['SIM800: CPIN after ATE0', '\r\n+CPIN: READY\r\n\r\nOK\r\n', { command: 'AT+CPIN?', prefixes: ['+CPIN:'] }, { kind: 'ok', lines: ['+CPIN: READY'] }],
    ['gammu#115: escape noise before the echo', '\x1b\rAT\r\r\nOK\r\n', { command: 'AT' }, { kind: 'ok', lines: [] }],
    ['MM: leading NUL bytes are skipped', '\0\0\r\nOK\r\n', { command: 'AT' }, { kind: 'ok', lines: [] }],
    ['27.007: numeric CME error', '\r\n+CME ERROR: 10\r\n', { command: 'AT+CPIN?' }, { kind: 'error', code: 10 }],
    ['27.007: verbose CME error (AT+CMEE=2)', '\r\n+CME ERROR: SIM not inserted\r\n', { command: 'AT+CPIN?' }, { kind: 'error', code: 10 }],
    ['27.007: CMS error', '\r\n+CMS ERROR: 500\r\n', { command: 'AT+CMGS' }, { kind: 'error', cms: 500 }],
    ['V.250: plain ERROR', '\r\nERROR\r\n', { command: 'AT+CESQ' }, { kind: 'error', text: 'ERROR' }],
    ['V.250: NO CARRIER', '\r\nNO CARRIER\r\n', { command: 'ATD*99#' }, { kind: 'error', text: 'NO CARRIER' }],
    ['V.250: BUSY', '\r\nBUSY\r\n', { command: 'ATD10086;' }, { kind: 'error', text: 'BUSY' }],
    ['V.250: NO DIALTONE', '\r\nNO DIALTONE\r\n', { command: 'ATD10086;' }, { kind: 'error', text: 'NO DIALTONE' }],
    ['V.250: NO ANSWER', '\r\nNO ANSWER\r\n', { command: 'ATD10086;' }, { kind: 'error', text: 'NO ANSWER' }],
    ['V.250: CONNECT with a rate is success', '\r\nCONNECT 150000000\r\n', { command: 'ATD*99#' }, { kind: 'ok', connect: '150000000' }],
    [
      'FreeRTOS#89: CREG URC in the middle of AT+CREG? is not the reply',
      '\r\n+CREG: 1,"1A2B","01C3D4E5"\r\n\r\n+CREG: 2,1,"1A2B","01C3D4E5"\r\n\r\nOK\r\n',
      CREG,
      { kind: 'ok', lines: ['+CREG: 2,1,"1A2B","01C3D4E5"'], urcs: ['+CREG: 1,"1A2B","01C3D4E5"'] },
    ],
    [
      'SIM800: power-up URCs around a reply',
      '\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\nCall Ready\r\n\r\nSIMCOM_Ltd\r\n\r\nOK\r\n',
      FREE,
      { kind: 'ok', lines: ['SIMCOM_Ltd'], urcs: ['RDY', '+CFUN: 1', '+CPIN: READY', 'Call Ready'] },
    ],
    ['a reply that has not finished', '\r\n+CSQ: 21,0\r\n', CSQ, { kind: 'incomplete' }],
  ])('%s', (_source, text, expectation, want) => {
    const r = classifyReply(text, expectation);
    expect(r.kind).toBe(want.kind);
    if ('lines' in want) expect(r.kind !== 'incomplete' && r.lines).toEqual(want.lines);
    if ('urcs' in want) expect(r.urcs).toEqual(want.urcs);
    if ('connect' in want) expect(r.kind === 'ok' && r.connect).toBe(want.connect);
    if (r.kind === 'error') {
      if ('code' in want) expect(r.error.kind === 'cme' && r.error.info.code).toBe(want.code);
      if ('cms' in want) expect(r.error.kind === 'cms' && r.error.code).toBe(want.cms);
      if ('text' in want) expect('text' in r.error && r.error.text).toBe(want.text);
    }
  });
});

describe('line by line, as the driver feeds them', () => {
  test('an echoed command is counted, not collected (SIM800 with echo on)', () => {
    const c = new AtReplyCollector(CSQ);
    expect(c.push('AT+CSQ\r').kind).toBe('incomplete');
    expect(c.push('+CSQ: 21,0').kind).toBe('incomplete');
    expect(c.push('OK')).toEqual({ kind: 'ok', lines: ['+CSQ: 21,0'] });
    expect(c.echoes).toBe(1);
  });

  test("a line that is not the command's prefix is unsolicited when the command names its prefixes", () => {
    expect(classifyLine('+CIEV: "SIGNAL",3', CSQ)).toEqual({ kind: 'urc', line: '+CIEV: "SIGNAL",3' });
    expect(classifyLine('+QIND: "csq",20,99', CSQ).kind).toBe('urc');
  });

  test('a free-form reply keeps unknown lines but not known URCs', () => {
    expect(classifyLine('SIMCOM_SIM800L', FREE)).toEqual({ kind: 'info', line: 'SIMCOM_SIM800L' });
    expect(classifyLine('RING', FREE).kind).toBe('urc');
  });

  test.each([
    ['AT+CSQ\r', 'AT+CSQ'],
    ['\x1b\rAT\r', 'AT'],
    ['\0OK', 'OK'],
    ['  +CSQ: 21,0  ', '+CSQ: 21,0'],
    ['\r', ''],
  ])('cleanLine(%j) is %j', (raw, clean) => expect(cleanLine(raw)).toBe(clean));
});

describe('+CME ERROR table (ModemManager MMMobileEquipmentError, devices.md §1.3)', () => {
  test.each([
    [10, 'sim-not-inserted'],
    [11, 'sim-pin'],
    [12, 'sim-puk'],
    [13, 'sim-failure'],
    [14, 'sim-busy'],
    [30, 'no-network'],
    [107, 'gprs-not-allowed'],
    [148, 'gprs-unspecified'],
  ])('%i is %s', (code, id) => expect(cmeError(code).id).toBe(id));

  test('an unknown code keeps its number (serialport-gsm #137 saw 3517)', () => {
    expect(cmeError(3517)).toEqual({ code: 3517, id: 'unknown', text: 'unknown error 3517' });
  });

  test('verbose texts are matched without regard to case; unknown ones are kept', () => {
    expect(cmeError('SIM PIN required').code).toBe(11);
    expect(cmeError('Some vendor text')).toEqual({ code: null, id: 'unknown', text: 'Some vendor text' });
  });
});
