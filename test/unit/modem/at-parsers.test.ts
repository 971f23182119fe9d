import {
  csqRssiToDbm,
  isRegistrationReadReply,
  parseCcidExecResponse,
  parseCesqExecResponse,
  parseCgattReadResponse,
  parseCgdcontReadResponse,
  parseCgmiExecResponse,
  parseCgmmExecResponse,
  parseCgmrExecResponse,
  parseCgpaddrExecResponse,
  parseCgsnExecResponse,
  parseCimiExecResponse,
  parseCopsReadResponse,
  parseCpinReadResponse,
  parseCregReadResponse,
  parseCrsmIccidResponse,
  parseCsqExecResponse,
  splitFields,
  swapNibbles,
} from '../../../hal/modem/at-parsers';

// Sources: SIM800 = compat-clients.md §3 transcript; MM = ModemManager as quoted in devices.md §1.3;
// SARA-R4 = the u-blox reply quoted in rickkas7/CellularHelper (CellularHelper.cpp, CREG postProcess);
// Sierra sim = the acceptance profile of a public AT modem simulator found by code search
// ("\r\n+CREG: 2,1,\"00C3\",\"00001234\",7\r\n"); nRF91 = a Nordic LwM2M client's +CRSM comment
// ("+CRSM: 144,0,\"981380398101342451F7\""); MuditaOS = mudita/MuditaOS UrcQind.hpp dBm table;
// 27.007 = 3GPP TS 27.007 syntax.

describe('parseCsqExecResponse', () => {
  test.each([
    ['SIM800 healthy', '+CSQ: 21,0', { rssi: 21, ber: 0, dbm: -71 }],
    ['Sierra sim', '+CSQ: 18,0', { rssi: 18, ber: 0, dbm: -77 }],
    ['27.007 not known', '+CSQ: 99,99', { rssi: 99, ber: null, dbm: null }],
    ['MuditaOS table: 0 is -113 or less', '+CSQ: 0,99', { rssi: 0, ber: null, dbm: -113 }],
    ['MuditaOS table: 31 is -51 or more', '+CSQ: 31,7', { rssi: 31, ber: 7, dbm: -51 }],
    ['spaces after the comma (serialport-gsm parses "%d, %d")', '+CSQ: 6, 5', { rssi: 6, ber: 5, dbm: -101 }],
  ])('%s', (_s, line, want) => expect(parseCsqExecResponse([line])).toEqual(want));

  test('no +CSQ line is null', () => expect(parseCsqExecResponse(['OK'])).toBeNull());
  test('Quectel extended range (devices.md §1.3): 100 is -116 dBm', () => expect(csqRssiToDbm(100)).toBe(-116));
});

describe('parseCesqExecResponse', () => {
  test('MM example: LTE only', () => {
    expect(parseCesqExecResponse('+CESQ: 99,99,255,255,20,80')).toEqual({ rxlevDbm: null, ber: null, rscpDbm: null, ecnoDb: null, rsrqDb: -10, rsrpDbm: -61 });
  });
  test('GSM only (what our SIM800 simulator answers)', () => {
    expect(parseCesqExecResponse('+CESQ: 40,0,255,255,255,255')).toMatchObject({ rxlevDbm: -71, ber: 0, rsrpDbm: null });
  });
  test('too few fields is null', () => expect(parseCesqExecResponse('+CESQ: 99,99')).toBeNull());
});

describe('parseCregReadResponse: read and unsolicited forms of CREG / CGREG / CEREG', () => {
  test.each([
    ['SIM800 read, n=0', '+CREG: 0,1', { domain: 'circuit', form: 'read', n: 0, stat: 1, state: 'home' }],
    ['SIM800 read, n=2 with LAC and CI', '+CREG: 2,1,"1A2B","01C3D4E5"', { form: 'read', n: 2, stat: 1, lac: '1A2B', ci: '01C3D4E5' }],
    ['Sierra sim read with AcT', '+CREG: 2,1,"00C3","00001234",7', { form: 'read', stat: 1, lac: '00C3', ci: '00001234', act: 7 }],
    ['SARA-R4 read with AcT', '+CREG: 2,1,"FFFE","C45C010",8', { form: 'read', stat: 1, lac: 'FFFE', ci: 'C45C010', act: 8 }],
    ['27.007 URC n=1', '+CREG: 5', { form: 'unsolicited', stat: 5, state: 'roaming' }],
    ['27.007 URC n=2 (quoted LAC)', '+CREG: 1,"1A2B","01C3D4E5"', { form: 'unsolicited', stat: 1, lac: '1A2B', ci: '01C3D4E5' }],
    ['URC n=2 with unquoted LAC (MM item_is_lac_not_stat)', '+CREG: 1,1a2b,01c3d4e5', { form: 'unsolicited', stat: 1, lac: '1A2B', ci: '01C3D4E5' }],
    ['GPRS read, denied', '+CGREG: 0,3', { domain: 'packet', form: 'read', stat: 3, state: 'denied' }],
    ['LTE read with TAC (Sierra sim)', '+CEREG: 2,1,"0001","00000001",7', { domain: 'eps', form: 'read', stat: 1, lac: '0001', act: 7 }],
    ['LTE URC', '+CEREG: 2', { domain: 'eps', form: 'unsolicited', stat: 2, state: 'searching' }],
    ['27.007 stat 4 unknown', '+CREG: 0,4', { state: 'unknown' }],
    ['27.007 stat 8 emergency only', '+CREG: 0,8', { state: 'emergency-only' }],
    ['a stat above 11 is unknown (MM)', '+CREG: 0,15', { stat: 15, state: 'unknown' }],
  ])('%s: %s', (_s, line, want) => expect(parseCregReadResponse(line)).toMatchObject(want));

  test('garbage after the prefix is null', () => expect(parseCregReadResponse('+CREG: x,y')).toBeNull());
  test('the solicited-shape test used by the driver', () => {
    expect(isRegistrationReadReply('+CREG: 0,1')).toBe(true);
    expect(isRegistrationReadReply('+CREG: 1,"1A2B","01C3D4E5"')).toBe(false);
    expect(isRegistrationReadReply('+CREG: 1')).toBe(false);
  });
});

describe('parseCopsReadResponse', () => {
  test.each([
    ['SIM800 long name', '+COPS: 0,0,"CHINA MOBILE"', { mode: 0, format: 0, operator: 'CHINA MOBILE' }],
    ['after AT+COPS=3,2 (MM)', '+COPS: 0,2,"46000"', { mode: 0, format: 2, operator: '46000' }],
    ['with AcT (public simulator)', '+COPS: 0,2,"00101",7', { mode: 0, format: 2, operator: '00101', act: 7 }],
    ['no operator selected', '+COPS: 0', { mode: 0 }],
    ['name with a comma inside quotes', '+COPS: 1,0,"Foo, Bar"', { mode: 1, format: 0, operator: 'Foo, Bar' }],
  ])('%s', (_s, line, want) => expect(parseCopsReadResponse(line)).toEqual(want));
});

describe('parseCpinReadResponse (MM: longest prefix first, sometimes quoted)', () => {
  test.each([
    ['+CPIN: READY', 'ready'],
    ['+CPIN: SIM PIN', 'pin'],
    ['+CPIN: SIM PUK', 'puk'],
    ['+CPIN: SIM PIN2', 'pin2'],
    ['+CPIN: SIM PUK2', 'puk2'],
    ['+CPIN: PH-NET PIN', 'ph-pin'],
    ['+CPIN: "READY"', 'ready'],
    ['+CPIN: NOT READY', 'other'],
  ])('%s → %s', (line, state) => expect(parseCpinReadResponse(line)?.state).toBe(state));
});

describe('ICCID', () => {
  test.each([
    ['SIM800 AT+CCID: bare digits', ['89860012345678901234'], '89860012345678901234'],
    ['u-blox +CCID prefix (MM plugin)', ['+CCID: 8944500312345678901'], '8944500312345678901'],
    ['Huawei ^ICCID, nibble-swapped (MM plugin)', ['^ICCID: 98680021436587092143'], '89860012345678901234'],
    ['trailing F padding removed', ['+ICCID: 8901234567890123456F'], '8901234567890123456'],
    ['not an ICCID', ['ERROR-ish 1234'], null],
  ])('parseCcidExecResponse %s', (_s, lines, want) => expect(parseCcidExecResponse(lines)).toBe(want));

  test.each([
    ['nRF91 comment, 19 digits + F', '+CRSM: 144,0,"981380398101342451F7"', '8931089318104342157'],
    ['public AT parser test vector', '+CRSM: 144,0,"983351106111005079F8"', '8933150116110005978'],
    ['SW1 0x91 accepted (MM)', '+CRSM: 145,0,"98680021436587092143"', '89860012345678901234'],
    ['SW 6A 82 file not found is refused', '+CRSM: 106,130', null],
    ['SW 98 04 security status is refused', '+CRSM: 152,4,"986800214365870921F3"', null],
  ])('parseCrsmIccidResponse %s', (_s, line, want) => expect(parseCrsmIccidResponse([line])).toBe(want));

  test('swapNibbles', () => expect(swapNibbles('9868')).toBe('8986'));
});

describe('packet domain', () => {
  test.each([
    ['+CGATT: 1', true],
    ['+CGATT: 0', false],
    ['+CGATT: 7', null],
  ])('parseCgattReadResponse(%s)', (line, want) => expect(parseCgattReadResponse(line)).toBe(want));

  test('CGDCONT: SIM800 form with address, and an empty address', () => {
    expect(parseCgdcontReadResponse(['+CGDCONT: 1,"IP","CMNET","10.81.23.45",0,0', '+CGDCONT: 2,"IPV4V6","ims","0.0.0.0",0,0'])).toEqual([
      { cid: 1, pdpType: 'IP', apn: 'CMNET', address: '10.81.23.45' },
      { cid: 2, pdpType: 'IPV4V6', apn: 'ims' },
    ]);
  });
  test('CGPADDR: one address, none, and dual stack (27.007)', () => {
    expect(parseCgpaddrExecResponse(['+CGPADDR: 1,"10.81.23.45"', '+CGPADDR: 2,"0.0.0.0"', '+CGPADDR: 3,"10.0.0.2","2001:db8::1"', '+CGPADDR: 4'])).toEqual([
      { cid: 1, addresses: ['10.81.23.45'] },
      { cid: 2, addresses: [] },
      { cid: 3, addresses: ['10.0.0.2', '2001:db8::1'] },
      { cid: 4, addresses: [] },
    ]);
  });
});

describe('identity', () => {
  test.each([
    ['SIM800 CGMI', parseCgmiExecResponse, ['SIMCOM_Ltd'], 'SIMCOM_Ltd'],
    ['SIM800 CGMM', parseCgmmExecResponse, ['SIMCOM_SIM800L'], 'SIMCOM_SIM800L'],
    ['SIM800 CGMR keeps the revision only', parseCgmrExecResponse, ['Revision:1418B04SIM800L24'], '1418B04SIM800L24'],
    ['prefixed and quoted (Quectel style)', parseCgmiExecResponse, ['+CGMI: "Quectel"'], 'Quectel'],
    ['CGSN: an IMEI', parseCgsnExecResponse, ['869170031234567'], '869170031234567'],
    ['CGSN: not an IMEI', parseCgsnExecResponse, ['hello'], null],
    ['CIMI: an IMSI', parseCimiExecResponse, ['460001234567890'], '460001234567890'],
  ])('%s', (_s, parse, lines, want) => expect((parse as (l: string[]) => string | null)(lines)).toBe(want));
});

test('splitFields keeps commas inside quotes and drops the quotes', () => {
  expect(splitFields('0,0,"A, B",7')).toEqual(['0', '0', 'A, B', '7']);
});
