/** Stands in for npm worker-timers in dist/telemetry.js: mqtt.js runs with timerVariant 'native' on Node, which never reaches these. */
export const setInterval = globalThis.setInterval;
export const clearInterval = globalThis.clearInterval;
export const setTimeout = globalThis.setTimeout;
export const clearTimeout = globalThis.clearTimeout;
