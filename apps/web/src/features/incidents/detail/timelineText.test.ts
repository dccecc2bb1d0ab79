import { describe, expect, it } from 'vitest';
import { entryCommentId, entryDetail, entryGrouped, entryMoved, entryStatus, visibleEntries } from './timelineText.ts';

describe('timeline lines', () => {
  it('picks the useful words of each kind and nothing from malformed data', () => {
    expect(entryDetail({ kind: 'task', data: { taskId: 'x', title: 'Cô lập máy chủ' } })).toBe('Cô lập máy chủ');
    expect(entryDetail({ kind: 'status', data: { from: 'new', to: 'triage', reason: '' } })).toBeNull();
    expect(entryStatus({ kind: 'status', data: { from: 'new', to: 'triage' } })).toBe('triage');
    expect(entryCommentId({ kind: 'comment', data: { commentId: 'c1', excerpt: 'hi' } })).toBe('c1');
    expect(entryDetail({ kind: 'attachment', data: null })).toBeNull();
    expect(entryDetail({ kind: 'created', data: 'odd' })).toBeNull();
  });

  it('says once that the incident was opened', () => {
    expect(visibleEntries([{ kind: 'created' }, { kind: 'report' }, { kind: 'opened' }]).map((e) => e.kind)).toEqual(['created', 'report']);
    expect(visibleEntries([{ kind: 'opened' }]).map((e) => e.kind)).toEqual(['opened']);
  });

  it('sums up what promotion grouped in and what a split moved, one line per batch', () => {
    expect(entryGrouped({ kind: 'alerts_grouped', data: { rule: 'Critical alert', alerts: 75, occurrences: 80 } })).toEqual({ count: 75, occurrences: 80, rule: 'Critical alert' });
    expect(entryGrouped({ kind: 'created', data: { source: 'alerts', rule: 'Critical alert', alerts: 25 } })).toEqual({ count: 25, occurrences: 25, rule: 'Critical alert' });
    expect(entryGrouped({ kind: 'created', data: { source: 'manual', alerts: 2 } })).toBeNull();
    expect(entryMoved({ kind: 'split', data: { into: 'x', alerts: ['20261121-1', '20261121-2'] } })).toBe(2);
    expect(entryMoved({ kind: 'created', data: { source: 'split', from: 'x', alerts: 3 } })).toBe(3);
    expect(entryMoved({ kind: 'status', data: {} })).toBeNull();
  });
});
