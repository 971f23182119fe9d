import { createModemSimulator, ModemSimulator, splitCommands } from '../../../mocks/modem-sim';
import { memoryLink } from '../../helpers/memory-link';

/** Feeds a command line to the simulator and returns what it sent back. */
function talk(sim: ModemSimulator) {
  const link = memoryLink(sim);
  return async (line: string) => {
    link.out.length = 0;
    link.toDevice(Buffer.from(line, 'latin1'));
    await sim.flushed();
    return Buffer.from(link.out).toString('latin1');
  };
}

/** Starts a simulator with `fault`, says each line in turn and returns its reply to the last one. */
async function lastReply(fault: string, lines: string[]): Promise<string> {
  const sim = createModemSimulator(fault);
  const say = talk(sim);
  let last = '';
  for (const l of lines) last = await say(l);
  sim.stop();
  return last;
}

/** Echo off and numeric +CME ERROR, as the driver sets the modem up. */
const QUIET = ['ATE0\r', 'AT+CMEE=1\r'];

// Expected texts follow the SIM800 transcript of compat-clients.md §3 and 3GPP TS 27.007.
describe('the simulated SIM800', () => {
  test.each([
    ['echo is on at power-up', ['AT\r'], 'AT\r\r\nOK\r\n'],
    ['ATE0 is echoed itself, then echo is off', ['ATE0\r', 'AT\r'], '\r\nOK\r\n'],
    ['CPIN', ['ATE0\r', 'AT+CPIN?\r'], '\r\n+CPIN: READY\r\n\r\nOK\r\n'],
    ['CSQ', ['ATE0\r', 'AT+CSQ\r'], '\r\n+CSQ: 21,0\r\n\r\nOK\r\n'],
    ['CREG, n=0', ['ATE0\r', 'AT+CREG?\r'], '\r\n+CREG: 0,1\r\n\r\nOK\r\n'],
    ['CREG=2 adds location area and cell id', ['ATE0\r', 'AT+CREG=2\r', 'AT+CREG?\r'], '\r\n+CREG: 2,1,"1A2B","01C3D4E5"\r\n\r\nOK\r\n'],
    ['COPS long name', ['ATE0\r', 'AT+COPS?\r'], '\r\n+COPS: 0,0,"CHINA MOBILE"\r\n\r\nOK\r\n'],
    ['COPS=3,2 switches to numeric', ['ATE0\r', 'AT+COPS=3,2\r', 'AT+COPS?\r'], '\r\n+COPS: 0,2,"46000"\r\n\r\nOK\r\n'],
    ['COPS=3,1 switches to the short name', ['ATE0\r', 'AT+COPS=3,1\r', 'AT+COPS?\r'], '\r\n+COPS: 0,1,"CMCC"\r\n\r\nOK\r\n'],
    ['CSCS?', ['ATE0\r', 'AT+CSCS?\r'], '\r\n+CSCS: "IRA"\r\n\r\nOK\r\n'],
    ['CSCS=?', ['ATE0\r', 'AT+CSCS=?\r'], '\r\n+CSCS: ("IRA","GSM","UCS2","HEX","PCCP","PCDN","8859-1")\r\n\r\nOK\r\n'],
    ['CSCS="UCS2" then ?', ['ATE0\r', 'AT+CSCS="UCS2"\r', 'AT+CSCS?\r'], '\r\n+CSCS: "UCS2"\r\n\r\nOK\r\n'],
    ['CGATT?', ['ATE0\r', 'AT+CGATT?\r'], '\r\n+CGATT: 1\r\n\r\nOK\r\n'],
    ['CIMI', ['ATE0\r', 'AT+CIMI\r'], '\r\n460001234567890\r\n\r\nOK\r\n'],
    ['CRSM ICCID is nibble-swapped', ['ATE0\r', 'AT+CRSM=176,12258,0,0,10\r'], '\r\n+CRSM: 144,0,"98680021436587092143"\r\n\r\nOK\r\n'],
    ['unknown command', ['ATE0\r', 'AT+FOO\r'], '\r\nERROR\r\n'],
    ['CME numeric after CMEE=1', ['ATE0\r', 'AT+CMEE=1\r', 'AT+CPIN="0000"\r'], '\r\n+CME ERROR: 3\r\n'],
    ['CME verbose after CMEE=2', ['ATE0\r', 'AT+CMEE=2\r', 'AT+CPIN="0000"\r'], '\r\n+CME ERROR: operation not allowed\r\n'],
    ['V0: numeric result codes', ['ATE0\r', 'ATV0\r', 'AT\r'], '0\r'],
    ['chained basic and extended commands', ['ATE0\r', 'ATE0V1+CMEE=1;+CSQ\r'], '\r\n+CSQ: 21,0\r\n\r\nOK\r\n'],
    ['a command split across chunks', ['ATE0\r', 'AT+C', 'SQ\r'], '\r\n+CSQ: 21,0\r\n\r\nOK\r\n'],
    [
      'CGDCONT= defines a context: type upper-cased, APN as given',
      ['ATE0\r', 'AT+cgdcont=2,"ip","cmwap"\r', 'AT+CGDCONT?\r'],
      '\r\n+CGDCONT: 1,"IP","CMNET","10.81.23.45",0,0\r\n\r\n+CGDCONT: 2,"IP","cmwap","0.0.0.0",0,0\r\n\r\nOK\r\n',
    ],
  ])('%s', async (_name, lines, reply) => {
    expect(await lastReply('healthy', lines)).toBe(reply);
  });

  test.each([
    ['no-sim', [...QUIET, 'AT+CPIN?\r'], '\r\n+CME ERROR: 10\r\n'],
    ['sim-pin', [...QUIET, 'AT+CPIN?\r'], '\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n'],
    ['sim-pin', [...QUIET, 'AT+CPIN="1234"\r'], '\r\nOK\r\n'], // the right PIN unlocks…
    ['sim-pin', [...QUIET, 'AT+CPIN="1234"\r', 'AT+CREG?\r'], '\r\n+CREG: 0,1\r\n\r\nOK\r\n'], // …and the modem registers
    ['no-signal', [...QUIET, 'AT+CSQ\r'], '\r\n+CSQ: 0,99\r\n\r\nOK\r\n'],
    ['weak-signal', [...QUIET, 'AT+CSQ\r'], '\r\n+CSQ: 6,5\r\n\r\nOK\r\n'],
    ['denied', [...QUIET, 'AT+CREG?\r'], '\r\n+CREG: 0,3\r\n\r\nOK\r\n'],
    ['searching', [...QUIET, 'AT+CREG?\r'], '\r\n+CREG: 0,2\r\n\r\nOK\r\n'],
    ['roaming', [...QUIET, 'AT+CREG?\r'], '\r\n+CREG: 0,5\r\n\r\nOK\r\n'],
    ['not-attached', [...QUIET, 'AT+CGATT?\r'], '\r\n+CGATT: 0\r\n\r\nOK\r\n'],
    ['echo', ['ATE0\r', 'AT+CSQ\r'], 'AT+CSQ\r\r\n+CSQ: 21,0\r\n\r\nOK\r\n'], // ATE0 is accepted but echo stays on
    // V.250 §5.2.1: each command's information text in order, one final result; the first failure ends the line.
    ['healthy', [...QUIET, 'AT+CGMI;+CPIN?;+CSQ;+CREG?\r'], '\r\nSIMCOM_Ltd\r\n\r\n+CPIN: READY\r\n\r\n+CSQ: 21,0\r\n\r\n+CREG: 0,1\r\n\r\nOK\r\n'],
    ['healthy', [...QUIET, 'AT+CSQ;+CEREG?;+CREG?\r'], '\r\n+CSQ: 21,0\r\n\r\nERROR\r\n'],
    ['no-sim', [...QUIET, 'AT+CGMI;+CPIN?;+CSQ\r'], '\r\nSIMCOM_Ltd\r\n\r\n+CME ERROR: 10\r\n'],
    ['no-concat', [...QUIET, 'AT+CGMI;+CPIN?\r'], '\r\nERROR\r\n'], // a combined line is refused whole…
    ['no-concat', ['ATE0V1\r'], 'ATE0V1\r\r\nERROR\r\n'], // …basic commands run together too, and nothing ran (echo stays on)
    ['no-concat', [...QUIET, 'AT+CPIN?\r'], '\r\n+CPIN: READY\r\n\r\nOK\r\n'], // …one command a line is answered
  ])('%s: %j', async (fault, lines, reply) => {
    expect(await lastReply(fault, lines)).toBe(reply);
  });

  // V.250: spaces in a command line are ignored outside string constants; "A/" runs the previous line at once.
  test.each([
    ['spaces inside an extended command', ['ATE0\r', 'AT + CSQ\r'], '\r\n+CSQ: 21,0\r\n\r\nOK\r\n'],
    ['spaces between and around concatenated commands', ['ATE0\r', 'AT E0 V1 + CMEE = 1 ; + CSQ \r'], '\r\n+CSQ: 21,0\r\n\r\nOK\r\n'],
    [
      'spaces inside a string constant are kept',
      ['ATE0\r', 'AT+CGDCONT = 2, "IP", "my apn"\r', 'AT+CGDCONT?\r'],
      '\r\n+CGDCONT: 1,"IP","CMNET","10.81.23.45",0,0\r\n\r\n+CGDCONT: 2,"IP","my apn","0.0.0.0",0,0\r\n\r\nOK\r\n',
    ],
    ['A/ repeats the last command line, without a CR', ['ATE0\r', 'AT+CSQ\r', 'A/'], '\r\n+CSQ: 21,0\r\n\r\nOK\r\n'],
    ['a/ in lower case too, as often as wanted', ['ATE0\r', 'AT+CREG?\r', 'a/', 'a/'], '\r\n+CREG: 0,1\r\n\r\nOK\r\n'],
    ['A/ before any command line: the empty line, OK', ['A/'], 'A/\r\nOK\r\n'],
  ])('V.250 command line: %s', async (_name, lines, reply) => {
    expect(await lastReply('healthy', lines)).toBe(reply);
  });

  test('an unknown fault is refused by name', () => {
    expect(() => createModemSimulator('on-fire')).toThrow(/no fault "on-fire"/);
  });

  test('splitCommands follows V.250 concatenation', () => {
    expect(splitCommands('E0V1&C1+CMEE=1;+COPS=3,2;+CSCS="a;b"')).toEqual(['E0', 'V1', '&C1', '+CMEE=1', '+COPS=3,2', '+CSCS="a;b"']);
  });
});
