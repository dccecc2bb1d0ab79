/**
 * Whether a parsed JSON value can be stored as it is (jsonb, text): PostgreSQL holds no NUL character
 * and a string with an unpaired surrogate has no UTF-8 form. Objects kept verbatim (STIX objects) are
 * refused with the reason rather than altered; the walk is iterative, so depth cannot overflow it.
 */
export function unstorableJson(value: unknown): string | null {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const why = unstorableString(v);
      if (why !== null) return `${path || 'the value'} ${why}`;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]` });
    } else if (typeof v === 'object' && v !== null) {
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
