/** The response-code catalog: ISO 8583, China UnionPay, acquirer overlays and terminal-local codes. */
export * from './types';
export { ISO8583 } from './iso8583';
export { CUP } from './cup';
export { ACQUIRERS, DEFAULT_ACQUIRER, findAcquirer, type AcquirerProfile } from './acquirers';
export { LOCAL_CODES } from './local';
export { normalizeCode, MAX_INPUT, type Normalized } from './normalize';
export { lookup, UNKNOWN_ENTRY, type LookupOptions, type Resolved } from './lookup';
export { explain, explainResolved, type ExplainOptions, type ExplainResult } from './explain';
