/**
 * Splits a TCP syslog byte stream into messages (RFC 6587): octet counting (`LEN SP MSG`) when a
 * frame starts with a digit, otherwise non-transparent framing ended by LF (a trailing CR is dropped).
 */
export class SyslogFramer {
  #buf: Buffer = Buffer.alloc(0);
  #max: number;
  /** Bytes of an oversized octet-counted frame still to be discarded after its first `#max`. */
  #skip = 0;

  constructor(maxMessageBytes = 65_536) {
    this.#max = maxMessageBytes;
  }

  /**
   * Feeds bytes; returns the complete messages they finish. Oversized frames are cut at the limit:
   * at most the limit is ever held, whatever length a frame announces.
   */
  push(chunk: Buffer): string[] {
    if (this.#skip > 0) {
      const dropped = Math.min(this.#skip, chunk.length);
      this.#skip -= dropped;
      chunk = chunk.subarray(dropped);
    }
    this.#buf = this.#buf.length ? Buffer.concat([this.#buf, chunk]) : chunk;
    const out: string[] = [];
    for (;;) {
      if (this.#buf.length === 0) break;
      const first = this.#buf[0]!;
      if (first >= 0x30 && first <= 0x39) {
        const space = this.#buf.indexOf(0x20);
        if (space < 0) {
          if (this.#buf.length > 10) this.#buf = this.#takeLine(out);
          break;
        }
        const len = Number(this.#buf.subarray(0, space).toString('latin1'));
        if (!Number.isInteger(len) || len <= 0 || space > 9) {
          this.#buf = this.#takeLine(out) ?? this.#buf;
          if (this.#buf.length && this.#buf.indexOf(0x0a) < 0) break;
          continue;
        }
        const kept = Math.min(len, this.#max);
        if (this.#buf.length < space + 1 + kept) break;
        out.push(this.#buf.subarray(space + 1, space + 1 + kept).toString('utf8').replace(/\r?\n$/, ''));
        const end = Math.min(this.#buf.length, space + 1 + len);
        this.#skip = space + 1 + len - end;
        this.#buf = this.#buf.subarray(end);
        continue;
      }
      const nl = this.#buf.indexOf(0x0a);
      if (nl < 0) {
        if (this.#buf.length > this.#max) {
          out.push(this.#buf.subarray(0, this.#max).toString('utf8'));
          this.#buf = Buffer.alloc(0);
        }
        break;
      }
      const line = this.#buf.subarray(0, nl).toString('utf8').replace(/\r$/, '');
      if (line.length) out.push(line.slice(0, this.#max));
      this.#buf = this.#buf.subarray(nl + 1);
    }
    return out;
  }

  /** What is left when the connection closes (a last line without LF). */
  flush(): string[] {
    const rest = this.#buf.toString('utf8').replace(/\r?\n?$/, '');
    this.#buf = Buffer.alloc(0);
    return rest.length ? [rest] : [];
  }

  #takeLine(out: string[]): Buffer {
    const nl = this.#buf.indexOf(0x0a);
    if (nl < 0) return this.#buf;
    const line = this.#buf.subarray(0, nl).toString('utf8').replace(/\r$/, '');
    if (line.length) out.push(line);
    return this.#buf.subarray(nl + 1);
  }
}
