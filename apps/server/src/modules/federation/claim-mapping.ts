import type { ClaimRule } from '@lachan/contracts';

/** The value at a dotted path of the ID token's claims (`groups`, `realm_access.roles`), or undefined. */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let at: unknown = claims;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object' || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** The scalar values a claim carries (an array's scalar items, or the scalar itself), as strings. */
function valuesOf(claim: unknown): string[] {
  const items = Array.isArray(claim) ? claim : [claim];
  return items.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
}

/** A glob without regular expressions: `*` any run of characters, `?` exactly one; everything else literal, case-sensitive. */
export function globMatches(pattern: string, value: string): boolean {
  // iterative matcher with one backtracking point: linear in practice, no catastrophic cases
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === value[v])) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

function ruleMatches(rule: ClaimRule, claims: Record<string, unknown>): boolean {
  const values = valuesOf(claimAt(claims, rule.claim));
  switch (rule.operator) {
    case 'equals':
      return values.includes(rule.values[0]!);
    case 'in':
      return values.some((v) => rule.values.includes(v));
    case 'glob':
      return values.some((v) => rule.values.some((g) => globMatches(g, v)));
  }
}

/** The first rule (in order) whose claim matches: it decides the organisation and role; none, null. */
export function mapClaims(rules: readonly ClaimRule[], claims: Record<string, unknown>): { index: number; rule: ClaimRule } | null {
  const index = rules.findIndex((r) => ruleMatches(r, claims));
  return index < 0 ? null : { index, rule: rules[index]! };
}
