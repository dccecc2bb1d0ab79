import type { Cidr } from './ip-codec.ts';

/**
 * Exact addresses of one family as sorted fixed-width keys (1 word for IPv4, 4 for IPv6) with their
 * indicator ids; lookups are binary searches, 4 + 4·words bytes per entry.
 */
export class AddressSet {
  readonly size: number;
  private readonly keys: Uint32Array;
  private readonly ids: Int32Array;
  private readonly words: number;

  constructor(words: number, entries: Array<{ key: Uint32Array; id: number }>) {
    this.words = words;
    entries.sort((a, b) => compareWords(a.key, 0, b.key, 0, words));
    this.size = entries.length;
    this.keys = new Uint32Array(entries.length * words);
    this.ids = new Int32Array(entries.length);
    entries.forEach((e, i) => { this.keys.set(e.key, i * words); this.ids[i] = e.id; });
  }

  /** Emit the ids of every entry equal to the address in `q[at..at+words)`. */
  lookup(q: Uint32Array, at: number, emit: (id: number) => void): void {
    const w = this.words;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareWords(this.keys, mid * w, q, at, w) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.size && compareWords(this.keys, i * w, q, at, w) === 0; i++) emit(this.ids[i]!);
  }

  get byteLength(): number {
    return this.keys.byteLength + this.ids.byteLength;
  }
}

/**
 * CIDR blocks of one family. Blocks are prefixes, so any two are nested or disjoint: sorted by first
 * address (larger block first on ties), each block keeps its nearest enclosing block. The blocks that
 * contain an address are then exactly the chain from the last block starting at or before it up
 * through its parents (at most 33 or 129 steps), whatever the number of blocks.
 */
export class CidrSet {
  readonly size: number;
  private readonly first: Uint32Array;
  private readonly last: Uint32Array;
  private readonly parent: Int32Array;
  private readonly ids: Int32Array;
  private readonly words: number;

  constructor(words: number, entries: Array<{ cidr: Cidr; id: number }>) {
    this.words = words;
    entries.sort((a, b) => compareWords(a.cidr.first, 0, b.cidr.first, 0, words) || compareWords(b.cidr.last, 0, a.cidr.last, 0, words));
    const n = (this.size = entries.length);
    this.first = new Uint32Array(n * words);
    this.last = new Uint32Array(n * words);
    this.parent = new Int32Array(n);
    this.ids = new Int32Array(n);
    const open: number[] = [];
    entries.forEach((e, i) => {
      this.first.set(e.cidr.first, i * words);
      this.last.set(e.cidr.last, i * words);
      this.ids[i] = e.id;
      while (open.length > 0 && compareWords(this.last, open.at(-1)! * words, this.first, i * words, words) < 0) open.pop();
      this.parent[i] = open.length > 0 ? open.at(-1)! : -1;
      open.push(i);
    });
  }

  /** Emit the ids of every block containing the address in `q[at..at+words)`. */
  lookup(q: Uint32Array, at: number, emit: (id: number) => void): void {
    const w = this.words;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareWords(this.first, mid * w, q, at, w) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i = this.parent[i]!) {
      if (compareWords(this.last, i * w, q, at, w) >= 0) emit(this.ids[i]!);
    }
  }

  get byteLength(): number {
    return this.first.byteLength + this.last.byteLength + this.parent.byteLength + this.ids.byteLength;
  }
}

/** Lexicographic comparison of two fixed-width unsigned word keys. */
export function compareWords(a: Uint32Array, ai: number, b: Uint32Array, bi: number, words: number): number {
  for (let k = 0; k < words; k++) {
    const x = a[ai + k]!;
    const y = b[bi + k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
