import { describe, expect, it } from 'vitest';
import { entryCommentId, entryDetail, entryStatus, visibleEntries } from './timelineText.ts';

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
});
