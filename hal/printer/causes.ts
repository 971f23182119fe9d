/** The causes the printer's self-check proves (hal/cause-rule.ts): none of them can fail an online exchange. */
import { BAD, type DeviceCauseRule } from '../cause-rule';

export const PRINTER_CAUSES: readonly DeviceCauseRule[] = [
  {
    id: 'printer-paper',
    side: 'terminal',
    category: 'terminal',
    retry: 'after-fix',
    online: false,
    match: [{ finding: 'printer.paper', status: BAD }],
    steps: ['load-paper'],
  },
  {
    id: 'printer-fault',
    side: 'terminal',
    category: 'terminal',
    retry: 'after-fix',
    online: false,
    match: [{ finding: 'printer.', status: BAD }],
    steps: ['check-printer', 'call-service'],
  },
];
