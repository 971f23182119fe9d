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
  // PIN 1234, for the simulated terminal only (README): `posdiag menu --sim` opens with it. A real
  // configuration has its own hash from `posdiag menu --hash-pin`; without one the menu refuses to start.
  technician: { pinHash: 'scrypt$16384$8$1$cG9zZGlhZy1zaW0tZGVtbw==$JqAstWY+65Ozp4Ou+VjM4J1SPSe91XK8OMhCp/qgOlI=' },
};
