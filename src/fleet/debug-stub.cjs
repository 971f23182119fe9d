// Stands in for npm debug in dist/telemetry.js: mqtt.js's traces stay off (the shipper says what
// matters through its own log). CommonJS, because mqtt-packet calls require('debug')(…) directly.
function createDebug(namespace) {
  const log = () => undefined;
  log.enabled = false;
  log.namespace = namespace;
  log.extend = (sub) => createDebug(namespace + ':' + sub);
  return log;
}
createDebug.enabled = () => false;
createDebug.default = createDebug;
module.exports = createDebug;
