/**
 * An immutable multimap from byte strings to indicator ids, packed for memory: every key's bytes in one
 * buffer with an offset table, ids in an Int32Array, and an open-addressing index (linear probing, load
 * ≤ 0.5) of entry numbers. A key held by several indicators occupies several entries.
 */
export class ByteTable {
  readonly size: number;
  private readonly bytes: Uint8Array;
  private readonly offsets: Uint32Array;
  private readonly ids: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** Build from keys already encoded back to back in `bytes` (key i spans offsets[i]..offsets[i+1]). */
  constructor(bytes: Uint8Array, offsets: Uint32Array, ids: Int32Array) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.ids = ids;
    this.size = ids.length;
    let cap = 16;
    while (cap < this.size * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let e = 0; e < this.size; e++) {
      let s = fnv1a(bytes, offsets[e]!, offsets[e + 1]!) & this.mask;
      while (this.slots[s] !== -1) s = (s + 1) & this.mask;
      this.slots[s] = e;
    }
  }

  /** Call `emit` with the id of every entry whose key equals key[start..end). */
  lookup(key: Uint8Array, start: number, end: number, emit: (id: number) => void): void {
    if (this.size === 0) return;
    const len = end - start;
    let s = fnv1a(key, start, end) & this.mask;
    for (let e = this.slots[s]!; e !== -1; s = (s + 1) & this.mask, e = this.slots[s]!) {
      const from = this.offsets[e]!;
      if (this.offsets[e + 1]! - from !== len) continue;
      let k = 0;
      while (k < len && this.bytes[from + k] === key[start + k]) k++;
      if (k === len) emit(this.ids[e]!);
    }
  }

  /** Bytes held by the table's arrays (for the memory figure of the benchmark). */
  get byteLength(): number {
    return this.bytes.byteLength + this.offsets.byteLength + this.ids.byteLength + this.slots.byteLength;
  }
}

/** FNV-1a over a byte range: fast, good enough spread for domains, URLs and digests. */
export function fnv1a(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  // Final avalanche so the low bits used as the slot depend on every byte.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/** Collects keys as text (UTF-8, or hex decoded to bytes for digests), then packs them into a {@link ByteTable}. */
export class ByteTableBuilder {
  private readonly keys: string[] = [];
  private readonly idList: number[] = [];
  private readonly encoding: 'utf8' | 'hex';

  constructor(encoding: 'utf8' | 'hex' = 'utf8') {
    this.encoding = encoding;
  }

  add(key: string, id: number): void {
    this.keys.push(key);
    this.idList.push(id);
  }

  build(): ByteTable {
    let total = 0;
    for (const k of this.keys) total += Buffer.byteLength(k, this.encoding);
    const bytes = Buffer.allocUnsafeSlow(total);
    const offsets = new Uint32Array(this.keys.length + 1);
    let at = 0;
    for (let i = 0; i < this.keys.length; i++) {
      offsets[i] = at;
      at += bytes.write(this.keys[i]!, at, this.encoding);
    }
    offsets[this.keys.length] = at;
    return new ByteTable(bytes, offsets, Int32Array.from(this.idList));
  }
}
