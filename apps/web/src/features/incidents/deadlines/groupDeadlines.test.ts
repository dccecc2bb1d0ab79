import { describe, expect, it } from 'vitest';
import { groupDeadlines } from './groupDeadlines.ts';

const NOW = Date.parse('2026-11-21T10:00:00Z');
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();

describe('my organisation’s deadlines, grouped', () => {
  it('puts passed clocks first, then those due within a day, later ones, unstarted and met', () => {
    const list = [
      { id: 'later', state: 'pending' as const, dueAt: at(72) },
      { id: 'late2', state: 'overdue' as const, dueAt: at(-1) },
      { id: 'soon', state: 'due' as const, dueAt: at(5) },
      { id: 'late1', state: 'overdue' as const, dueAt: at(-30) },
      { id: 'waiting', state: 'pending' as const, dueAt: null },
      { id: 'met', state: 'met' as const, dueAt: at(-2) },
      // the server said due a moment ago, the clock has since passed
      { id: 'justPassed', state: 'due' as const, dueAt: at(-0.01) },
    ];
    const g = groupDeadlines(list, NOW);
    expect(g.overdue.map((d) => d.id)).toEqual(['late1', 'late2', 'justPassed']);
    expect(g.soon.map((d) => d.id)).toEqual(['soon']);
    expect(g.upcoming.map((d) => d.id)).toEqual(['later']);
    expect(g.waiting.map((d) => d.id)).toEqual(['waiting']);
    expect(g.met.map((d) => d.id)).toEqual(['met']);
  });
});
