/** Repository check: the console names every incident timeline entry and system actor the server writes, in both languages (issue 18, item 3). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vi } from '../apps/web/src/i18n/vi.ts';
import { en } from '../apps/web/src/i18n/en.ts';
import { SYSTEM_ACTORS, TIMELINE_KINDS } from '../apps/web/src/features/incidents/detail/timelineText.ts';

const SERVER = new URL('../apps/server/src/modules/incidents/', import.meta.url);

/** Every timeline kind the incidents module writes (the writer's `change(ctx, id, permission, kind`, events added, reminders). */
function serverKinds(): Set<string> {
  const kinds = new Set<string>();
  for (const f of readdirSync(SERVER).filter((n) => n.endsWith('.ts') && !n.includes('.test.'))) {
    const src = readFileSync(new URL(f, SERVER), 'utf8');
    for (const m of src.matchAll(/change\(ctx, [^,]+, [^,]+, '([a-z_]+)'/g)) kinds.add(m[1]!);
    for (const m of src.matchAll(/addEvent\(tx, [^,]+, '([a-z_]+)'/g)) kinds.add(m[1]!);
    for (const m of src.matchAll(/'(report_overdue|report_due_soon)'/g)) kinds.add(m[1]!);
  }
  return kinds;
}

describe('the incident timeline in both languages', () => {
  it('names every kind of entry the server writes, never showing its code', () => {
    const written = serverKinds();
    expect(written.size).toBeGreaterThan(10);
    expect([...written].filter((k) => !(TIMELINE_KINDS as readonly string[]).includes(k))).toEqual([]);
  });
  it('has both languages for every kind and every actor the platform writes for itself', () => {
    for (const k of [...TIMELINE_KINDS, 'other' as const]) {
      expect(vi.incidents.timeline.kinds[k], k).toBeTruthy();
      expect(en.incidents.timeline.kinds[k], k).toBeTruthy();
    }
    for (const a of SYSTEM_ACTORS) {
      expect(vi.incidents.timeline.actors[a]).toBeTruthy();
      expect(en.incidents.timeline.actors[a]).not.toBe(vi.incidents.timeline.actors[a]);
    }
  });
});
