/**
 * Where lines end in a byte stream, for the line bound: the count of bytes since the last *complete*
 * delimiter, across chunk boundaries. Matching only the delimiter's last byte would let a device reset
 * the count with a bare "\n" on a "\r\n" line while the parser, which waits for the whole delimiter,
 * keeps every byte. Delimiters are found left to right without overlap, as the line parser finds them.
 */
export class DelimiterWatch {
  readonly #delimiter: Buffer;
  /** The tail of what came since the last delimiter, short enough to be the start of one. */
  #carry: Buffer = Buffer.alloc(0);
  #since = 0;

  constructor(delimiter: Buffer) {
    if (delimiter.length === 0) throw new RangeError('a line delimiter needs at least one byte');
    this.#delimiter = delimiter;
  }

  /** Bytes since the last complete delimiter (what the line parser holds). */
  get since(): number {
    return this.#since;
  }

  /** Takes a chunk in. */
  push(chunk: Buffer): void {
    const joined = this.#carry.length ? Buffer.concat([this.#carry, chunk]) : chunk;
    const end = this.#lastEnd(joined);
    if (end < 0) this.#since += chunk.length;
    else this.#since = joined.length - end;
    this.#keepCarry(joined);
  }

  /** The offset in `chunk` just past the first complete delimiter (taking earlier bytes into account), or -1. Does not consume. */
  firstEnd(chunk: Buffer): number {
    const joined = this.#carry.length ? Buffer.concat([this.#carry, chunk]) : chunk;
    const at = joined.indexOf(this.#delimiter);
    return at < 0 ? -1 : at + this.#delimiter.length - (joined.length - chunk.length);
  }

  reset(): void {
    this.#carry = Buffer.alloc(0);
    this.#since = 0;
  }

  /** End of the last delimiter found scanning left to right (so "\r\n\n" style overlaps match the parser). */
  #lastEnd(joined: Buffer): number {
    let end = -1;
    for (let at = joined.indexOf(this.#delimiter); at >= 0; at = joined.indexOf(this.#delimiter, end)) end = at + this.#delimiter.length;
    return end;
  }

  #keepCarry(joined: Buffer): void {
    const keep = Math.min(this.#delimiter.length - 1, this.#since);
    this.#carry = Buffer.from(joined.subarray(joined.length - keep));
  }
}
