/** The terminal's own finding (hal/runtime-check.ts): the runtime posdiag runs on. */
import { localized } from '../locale';
import type { CheckMessages } from './types';

export const TERMINAL_MESSAGES: CheckMessages = {
  'check.terminal.runtime': localized(
    'Node.js {node}，ICU：{icu}，GB18030编码来自{gb18030}',
    'Node.js {node}，ICU：{icu}，GB18030編碼來自{gb18030}',
    'Node.js {node}, ICU: {icu}, GB18030 from {gb18030}',
  ),
  'check.terminal.runtime.no-gb18030': localized(
    'Node.js {node}，ICU：{icu}，无GB18030编码，中文单据无法打印',
    'Node.js {node}，ICU：{icu}，無GB18030編碼，中文單據無法列印',
    'Node.js {node}, ICU: {icu}, no GB18030: Chinese slips cannot print',
  ),
};
