/**
 * Where lines end in a byte stream, for the line bound: the count of bytes since the last *complete*
 * delimiter, across chunk boundaries. Matching only the delimiter's last byte would let a device reset
 * the count with a bare "\n" on a "\r\n" line while the parser, which waits for the whole delimiter,
 * keeps every byte. Delimiters are found left to right without overlap, as the line parser finds them.
 */
export class DelimiterWatch {
  /** Bytes since the last complete delimiter (what the line parser holds). */
  since = 0;
  /** The end of what came since the last delimiter, short enough to be the start of one. */
  #tail = Buffer.alloc(0);

  constructor(readonly delimiter: Buffer) {}

  /** Takes a chunk in; returns the offset in it just past the first complete delimiter that ends in it, or -1. */
  push(chunk: Buffer): number {
    const d = this.delimiter;
    const joined = Buffer.concat([this.#tail, chunk]);
    const back = this.#tail.length;
    let first = -1;
    let end = -1;
    for (let at = joined.indexOf(d); at >= 0; at = joined.indexOf(d, end)) {
      end = at + d.length;
      if (first < 0) first = end - back;
    }
    this.since = end < 0 ? this.since + chunk.length : joined.length - end;
    this.#tail = Buffer.from(joined.subarray(joined.length - Math.min(d.length - 1, this.since)));
    return first;
  }

  reset(): void {
    this.#tail = Buffer.alloc(0);
    this.since = 0;
  }
}
