/** posdiag's public API, for a payment app on the terminal. */
export { HalError, HalErrorCodes, isHalError } from '../hal/errors';
export type { HalErrorCode } from '../hal/errors';
export { runChecks, worstStatus, CHECK_LEVELS } from '../hal/selfcheck';
export type { CheckLevel, CheckStatus, DeviceCheck, DeviceResult, Finding, SelfTestResult } from '../hal/selfcheck';
export { SerialLine } from '../hal/transport/serial-line';
export type { Framing, LineSettings, LineTiming, RequestOptions, Verdict } from '../hal/transport/serial-line';
export type { Framer } from '../hal/transport/framer';
export { DEVICE_CHECKS, CHECKED_DEVICES } from '../hal/devices';
export { validateConfig, loadConfigFile } from './config/load';
export type { PosdiagConfig } from './config/types';
export { runSelfTest } from './cli/commands/selftest';
export { openEnvironment } from './runtime';
export { explain, lookup, normalizeCode, ACQUIRERS, LOCAL_CODES, UNKNOWN_ENTRY } from './codes';
export type { ExplainOptions, ExplainResult, CodeEntry, LocalCodeEntry, Resolved, Category, Retry, CheckName, Severity, FaultSide } from './codes';
export { translate, renderHint, resolveLocale, localeChain, LOCALES } from './i18n';
export type { Locale, RenderedHint, CheckMessages } from './i18n';
export * from './journal';
