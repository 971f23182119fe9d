import { gradeRegistration } from '../../../hal/modem/assess';
import { parseCregReadResponse } from '../../../hal/modem/at-parsers';

// Every <stat> of 3GPP TS 27.007 §7.2 (+CREG read reply `<n>,<stat>`), read through the parser as the
// check reads it, and what the finding makes of it.
test.each([
  ['+CREG: 0,0', 'idle', 'not-registered', 'fail'],
  ['+CREG: 0,1', 'home', 'home', 'pass'],
  ['+CREG: 0,2', 'searching', 'searching', 'fail'],
  ['+CREG: 0,3', 'denied', 'denied', 'fail'],
  ['+CREG: 0,4', 'unknown', 'unknown', 'warn'],
  ['+CREG: 0,5', 'roaming', 'roaming', 'warn'],
  ['+CREG: 0,6', 'home-sms-only', 'home', 'warn'],
  ['+CREG: 0,7', 'roaming-sms-only', 'roaming', 'warn'],
  ['+CREG: 0,8', 'emergency-only', 'not-registered', 'fail'],
  ['+CREG: 0,9', 'home-csfb-not-preferred', 'home', 'pass'],
  ['+CREG: 0,10', 'roaming-csfb-not-preferred', 'roaming', 'warn'],
  ['+CREG: 0,11', 'attached-rlos', 'not-registered', 'fail'],
  ['+CREG: 0,12', 'unknown', 'unknown', 'warn'], // a value 27.007 does not define yet
])('%s is %s: grade %s, %s', (line, state, grade, status) => {
  const reg = parseCregReadResponse(line);
  expect(reg?.state).toBe(state);
  expect(gradeRegistration(reg!.state)).toEqual({ grade, status, message: `check.modem.registration.${grade}` });
});
