/** The receipt printer as posdiag's device list knows it. */
import type { DeviceModule } from '../device-module';
import { PRINTER_CAUSES } from './causes';
import { createPrinterCheck } from './check';
import type { PrinterConfig } from './config';
import { PRINTER_TIMING } from './driver';
import { PRINTER_PROFILES } from './profiles';

/** A printer profile is one of the list (hal/printer/profiles.ts): every command refuses any other when it loads the file. */
const CHOICES = { profile: Object.keys(PRINTER_PROFILES) };

export const PRINTER_MODULE: DeviceModule<PrinterConfig, 'printer'> = {
  id: 'printer',
  slot: 'printer',
  configs: (env) => (env.devices.printer ? [env.devices.printer] : []),
  check: (env) => createPrinterCheck(env),
  // No test page during a diagnosis: the status says what a merchant needs to know.
  diagnosisLevel: 'internal',
  ownFields: ['paperWidth', 'profile', 'timing'],
  optionGroups: [{ field: 'timing', spec: () => PRINTER_TIMING }],
  choices: CHOICES,
  causes: PRINTER_CAUSES,
  configSchema: ({ documented, serial, group }) => ({
    properties: {
      printer: {
        allOf: [serial],
        type: 'object',
        // The profile is checked against its choices in code (src/config/field-rules.ts); documented as the list.
        properties: { paperWidth: { enum: [58, 80] }, profile: documented ? { enum: CHOICES.profile } : { type: 'string' }, timing: group(PRINTER_TIMING) },
      },
    },
  }),
};
