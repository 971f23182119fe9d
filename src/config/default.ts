/** The embedded configuration: the simulated terminal of `mocks/`, used when no file is given. */
import type { PosdiagConfig } from './types';

export const SIMULATED_TERMINAL: PosdiagConfig = {
  terminal: {
    id: '10000001',
    merchantId: '898310048990001',
    merchantName: '南山便利店 (模拟)',
    location: '深圳市南山区',
    acquirer: 'cup',
    locale: 'zh-CN',
  },
  devices: {},
  journal: {},
};
