// Shared by the runtime preloads: a TextDecoder that knows only the encodings Node has without ICU data
// (UTF-8 and UTF-16). Any other label throws as Node's own does (RangeError ERR_ENCODING_NOT_SUPPORTED).
const util = require('node:util');

const Real = util.TextDecoder;
const KNOWN = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'utf-16', 'utf-16le', 'utf-16be']);

class LimitedTextDecoder extends Real {
  constructor(label = 'utf-8', options) {
    const name = String(label).trim().toLowerCase();
    if (!KNOWN.has(name)) {
      const err = new RangeError(`The "${label}" encoding is not supported`);
      err.code = 'ERR_ENCODING_NOT_SUPPORTED';
      throw err;
    }
    super(name, options);
  }
}

util.TextDecoder = LimitedTextDecoder;
globalThis.TextDecoder = LimitedTextDecoder;
