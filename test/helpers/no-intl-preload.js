// `node -r test/helpers/no-intl-preload.js …`: this Node as if built without Intl (./configure
// --without-intl, as nodejs-mobile's Android libnode is): no Intl object, no ICU entries in
// process.versions, the locale-sensitive methods reduced to what V8 does without ICU (toLocale* as
// toString, localeCompare by code units, normalize() checks its argument and changes nothing), and a
// TextDecoder for UTF-8 and UTF-16 only.
require('./text-decoder-limit');

delete globalThis.Intl;
for (const key of ['icu', 'unicode', 'cldr', 'tz']) delete process.versions[key];

const FORMS = ['NFC', 'NFD', 'NFKC', 'NFKD'];
function define(proto, name, fn) {
  Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
}
define(String.prototype, 'normalize', function normalize(form = 'NFC') {
  if (!FORMS.includes(String(form))) throw new RangeError(`The normalization form should be one of ${FORMS.join(', ')}.`);
  return String(this);
});
define(String.prototype, 'localeCompare', function localeCompare(that) {
  const a = String(this);
  const b = String(that);
  return a < b ? -1 : a > b ? 1 : 0;
});
define(String.prototype, 'toLocaleUpperCase', function toLocaleUpperCase() {
  return String(this).toUpperCase();
});
define(String.prototype, 'toLocaleLowerCase', function toLocaleLowerCase() {
  return String(this).toLowerCase();
});
define(Number.prototype, 'toLocaleString', function toLocaleString() {
  return Number.prototype.toString.call(this);
});
define(BigInt.prototype, 'toLocaleString', function toLocaleString() {
  return BigInt.prototype.toString.call(this);
});
define(Date.prototype, 'toLocaleString', Date.prototype.toString);
define(Date.prototype, 'toLocaleDateString', Date.prototype.toDateString);
define(Date.prototype, 'toLocaleTimeString', Date.prototype.toTimeString);
