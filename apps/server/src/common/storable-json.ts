/**
 * Why a parsed JSON value cannot be kept as it was sent, or null: PostgreSQL holds no NUL character, a
 * string with an unpaired surrogate has no UTF-8 form, and a number beyond a double (`1e400`) parsed
 * as Infinity, which JSON cannot even write back (it becomes null); a `__proto__` member is refused
 * too (a reader may have made it the object's prototype). Objects kept verbatim (STIX
 * objects) are refused with the reason rather than altered; the walk is iterative, so depth cannot
 * overflow it.
 */
export function unstorableJson(value: unknown): string | null {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const why = unstorableString(v);
      if (why !== null) return `${path || 'the value'} ${why}`;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return `${path || 'the value'} is a number beyond what a double holds`;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]` });
    } else if (typeof v === 'object' && v !== null) {
      // A streaming JSON reader assigns a "__proto__" member as the object's prototype: refused, like the member itself.
      const proto: unknown = Object.getPrototypeOf(v);
      if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(v, '__proto__')) return `${path || 'the object'} has a __proto__ property`;
      for (const [k, x] of Object.entries(v)) {
        const why = unstorableString(k);
        if (why !== null) return `a property name in ${path || 'the object'} ${why}`;
        stack.push({ v: x, path: path ? `${path}.${k}` : k });
      }
    }
  }
  return null;
}

function unstorableString(s: string): string | null {
  if (s.includes('\u0000')) return 'contains U+0000 (NUL), which cannot be stored';
  if (!s.isWellFormed()) return 'contains an unpaired UTF-16 surrogate, which has no UTF-8 form';
  return null;
}
