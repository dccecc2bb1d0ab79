import { Type, type Static } from 'typebox';

/** Below this many, a count of organisations the caller may not see is not given exactly. */
export const SMALL_COUNT = 3;

/**
 * A number of organisations the caller may not see: exact when none or at least three, otherwise
 * `{ lt: 3 }` ("fewer than 3"), since one or two would single them out.
 */
export const HiddenCount = Type.Union([Type.Integer({ minimum: 0 }), Type.Object({ lt: Type.Literal(SMALL_COUNT) })], {
  description: 'exact when 0 or 3 and more; `{ "lt": 3 }` means 1 or 2 ("fewer than 3")',
});
export type HiddenCount = Static<typeof HiddenCount>;

/** Organisations behind a figure: those the caller may see (exact) and the others (small counts withheld). */
export const MemberCount = Type.Object({
  visible: Type.Integer({ minimum: 0, description: 'organisations the caller may see' }),
  hidden: HiddenCount,
});
export type MemberCount = Static<typeof MemberCount>;

/** The hidden count as shown: 1 and 2 become "fewer than 3". */
export const hiddenCount = (n: number): HiddenCount => (n === 0 || n >= SMALL_COUNT ? n : { lt: SMALL_COUNT });

/** A count as shown, a withheld one at its least (1): for ordering and charts, so neither reveals what was withheld. */
export const shownCount = (c: MemberCount): number => c.visible + (typeof c.hidden === 'number' ? c.hidden : 1);

/** Splits organisations into the ones the caller may see and a hidden count. */
export function memberCount(orgIds: Iterable<string>, visible: (orgId: string) => boolean): MemberCount {
  let seen = 0;
  let other = 0;
  for (const o of new Set(orgIds)) {
    if (visible(o)) seen++;
    else other++;
  }
  return { visible: seen, hidden: hiddenCount(other) };
}
