// `node -r test/helpers/small-icu-preload.js …`: this Node as if built with small ICU (./configure
// --with-intl=small-icu): Intl knows English only, so every other locale formats as en-US, and
// TextDecoder has no GB18030 (nor any other legacy encoding).
require('./text-decoder-limit');

function englishOnly(Real) {
  const Wrapped = function (locales, options) {
    return new Real('en-US', options);
  };
  Wrapped.prototype = Real.prototype;
  Wrapped.supportedLocalesOf = (locales) => Real.supportedLocalesOf(locales).filter((l) => /^en\b/i.test(l));
  return Wrapped;
}
for (const name of ['NumberFormat', 'DateTimeFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'DisplayNames', 'Segmenter']) {
  if (Intl[name]) Intl[name] = englishOnly(Intl[name]);
}
