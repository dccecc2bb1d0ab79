/**
 * A set of up to `capacity` 30-bit integer keys, oldest dropped first, in memory allocated once: an
 * open-addressing table of twice the capacity (linear probing, deletion by backward shift, no tombstones)
 * and a ring of the keys in insertion order. For 2,000,000 keys that is 24 MB from the start, where a
 * JavaScript Set grows by doubling to about 42 MB and moves its table each time (the ingest fingerprints
 * are the process's largest cache). Keys must be integers from 0 to 2^30 - 1.
 */
export class KeyRing {
  readonly capacity: number;
  /** key + 1 per slot; 0 is an empty slot. */
  readonly #slots: Uint32Array;
  readonly #shift: number;
  readonly #mask: number;
  /** The keys held, oldest at `#head`. */
  readonly #order: Uint32Array;
  #head = 0;
  #size = 0;

  constructor(capacity: number) {
    if (!(Number.isInteger(capacity) && capacity > 0)) throw new RangeError('a key ring holds a positive whole number of keys');
    this.capacity = capacity;
    let bits = 1;
    while (2 ** bits < capacity * 2) bits++;
    this.#slots = new Uint32Array(2 ** bits);
    this.#shift = 32 - bits;
    this.#mask = 2 ** bits - 1;
    this.#order = new Uint32Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  has(key: number): boolean {
    return this.#find(key) >= 0;
  }

  /** Adds a key (nothing when held); when full, the oldest key goes first. */
  add(key: number): void {
    if (this.#find(key) >= 0) return;
    if (this.#size === this.capacity) {
      this.#remove(this.#order[this.#head]!);
      this.#head = (this.#head + 1) % this.capacity;
      this.#size--;
    }
    let i = this.#home(key);
    while (this.#slots[i] !== 0) i = (i + 1) & this.#mask;
    this.#slots[i] = key + 1;
    this.#order[(this.#head + this.#size) % this.capacity] = key;
    this.#size++;
  }

  /** The slot a key probes from: the high bits of a multiplicative hash (Fibonacci hashing). */
  #home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.#shift;
  }

  #find(key: number): number {
    const stored = key + 1;
    for (let i = this.#home(key); ; i = (i + 1) & this.#mask) {
      const s = this.#slots[i]!;
      if (s === stored) return i;
      if (s === 0) return -1;
    }
  }

  /** Empties a key's slot and shifts back the keys after it that probed past it, so no search stops early. */
  #remove(key: number): void {
    let hole = this.#find(key);
    if (hole < 0) return;
    for (let j = (hole + 1) & this.#mask; this.#slots[j] !== 0; j = (j + 1) & this.#mask) {
      const home = this.#home(this.#slots[j]! - 1);
      // The key at j may move into the hole when its home is not cyclically within (hole, j].
      const between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!between) {
        this.#slots[hole] = this.#slots[j]!;
        hole = j;
      }
    }
    this.#slots[hole] = 0;
  }
}
