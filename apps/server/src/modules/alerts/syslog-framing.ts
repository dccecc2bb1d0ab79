/**
 * Splits a TCP syslog byte stream into messages (RFC 6587): octet counting (`LEN SP MSG`) when a
 * frame starts with a digit, otherwise non-transparent framing ended by LF (a trailing CR is dropped).
 */
export class SyslogFramer {
  #buf: Buffer = Buffer.alloc(0);
  #max: number;

  constructor(maxMessageBytes = 65_536) {
    this.#max = maxMessageBytes;
  }

  /** Feeds bytes; returns the complete messages they finish. Oversized frames are cut at the limit. */
  push(chunk: Buffer): string[] {
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
        if (this.#buf.length < space + 1 + len) break;
        out.push(this.#buf.subarray(space + 1, space + 1 + Math.min(len, this.#max)).toString('utf8').replace(/\r?\n$/, ''));
        this.#buf = this.#buf.subarray(space + 1 + len);
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
