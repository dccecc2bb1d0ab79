/**
 * A set and a map for the campaign value index, where almost every one holds one to three members: a
 * JavaScript Set or Map costs about 170 bytes even with one member (its hash table starts at four
 * slots), and the index holds a few hundred thousand of each. These hold one member inline, a few in an
 * array of exact size, and switch to a Set or Map past SMALL members (so membership stays O(1) for the
 * few large ones). Measured on the campaign generator's traffic: see value-index.ts.
 */
const SMALL = 8;

/** What readers of a few strings use (a Set satisfies it too). */
export interface Members extends Iterable<string> {
  readonly size: number;
  has(value: string): boolean;
}

/** A set of strings: one inline, up to SMALL in an array, a Set past that. */
export class SmallSet implements Members {
  #items: string | string[] | Set<string> | undefined = undefined;

  get size(): number {
    const i = this.#items;
    return i === undefined ? 0 : typeof i === 'string' ? 1 : Array.isArray(i) ? i.length : i.size;
  }

  has(value: string): boolean {
    const i = this.#items;
    return i === undefined ? false : typeof i === 'string' ? i === value : Array.isArray(i) ? i.includes(value) : i.has(value);
  }

  add(value: string): this {
    const i = this.#items;
    if (i === undefined) this.#items = value;
    else if (typeof i === 'string') { if (i !== value) this.#items = [i, value]; }
    else if (Array.isArray(i)) {
      if (i.includes(value)) return this;
      // A copy of exact size: a pushed array grows its store to 17 slots.
      this.#items = i.length < SMALL ? [...i, value] : new Set([...i, value]);
    } else i.add(value);
    return this;
  }

  delete(value: string): boolean {
    const i = this.#items;
    if (i === undefined) return false;
    if (typeof i === 'string') {
      if (i !== value) return false;
      this.#items = undefined;
      return true;
    }
    if (Array.isArray(i)) {
      const at = i.indexOf(value);
      if (at < 0) return false;
      const rest = i.filter((_, n) => n !== at);
      this.#items = rest.length === 1 ? rest[0] : rest;
      return true;
    }
    return i.delete(value);
  }

  *[Symbol.iterator](): Iterator<string> {
    const i = this.#items;
    if (i === undefined) return;
    if (typeof i === 'string') yield i;
    else yield* i;
  }
}

/** A map from strings: one entry inline, a Map from the second on. */
export class SmallMap<V> implements ReadonlyMap<string, V> {
  #key: string | undefined = undefined;
  #value: V | undefined = undefined;
  #many: Map<string, V> | undefined = undefined;

  get size(): number {
    return this.#many ? this.#many.size : this.#key === undefined ? 0 : 1;
  }

  get(key: string): V | undefined {
    if (this.#many) return this.#many.get(key);
    return key === this.#key ? this.#value : undefined;
  }

  has(key: string): boolean {
    return this.#many ? this.#many.has(key) : key === this.#key;
  }

  set(key: string, value: V): this {
    if (this.#many) this.#many.set(key, value);
    else if (this.#key === undefined || this.#key === key) {
      this.#key = key;
      this.#value = value;
    } else {
      this.#many = new Map([[this.#key, this.#value as V], [key, value]]);
      this.#key = undefined;
      this.#value = undefined;
    }
    return this;
  }

  delete(key: string): boolean {
    if (this.#many) return this.#many.delete(key);
    if (key !== this.#key) return false;
    this.#key = undefined;
    this.#value = undefined;
    return true;
  }

  // Not generators: a value's sightings are walked each time it is judged, and a generator delegating to
  // the Map's iterator costs several times the Map's own.
  entries(): MapIterator<[string, V]> {
    if (this.#many) return this.#many.entries();
    const one: [string, V][] = this.#key === undefined ? [] : [[this.#key, this.#value as V]];
    return one.values() as unknown as MapIterator<[string, V]>;
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    if (this.#many) this.#many.forEach((v, k) => fn(v, k, this));
    else if (this.#key !== undefined) fn(this.#value as V, this.#key, this);
  }
}
