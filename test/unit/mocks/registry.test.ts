import { DEVICE_FAULTS, SimDeviceName } from '../../../mocks/faults';
import { SERIAL_SIMULATORS } from '../../../mocks/registry';

const serial = Object.keys(SERIAL_SIMULATORS) as SimDeviceName[];

describe.each(serial)('the %s simulator', (device) => {
  test('starts with every fault mocks/faults.ts lists for it', () => {
    for (const fault of DEVICE_FAULTS[device]) expect(() => SERIAL_SIMULATORS[device].create(fault).stop()).not.toThrow();
  });

  test('refuses a fault it does not have, by name', () => {
    expect(() => SERIAL_SIMULATORS[device].create('on-fire')).toThrow(`${device} simulator has no fault "on-fire"`);
  });
});
