import { describe, expect, it } from 'vitest';
import { nextSelection } from './alertSelection.ts';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('choosing alerts in the stream', () => {
  it('toggles one row on a plain click', () => {
    expect([...nextSelection(ids, new Set(), null, 'b', false)]).toEqual(['b']);
    expect([...nextSelection(ids, new Set(['b', 'c']), 'b', 'b', false)]).toEqual(['c']);
  });
  it('selects the range from the anchor on a shift-click, upwards or downwards, keeping what was chosen', () => {
    expect([...nextSelection(ids, new Set(['b']), 'b', 'd', true)].sort()).toEqual(['b', 'c', 'd']);
    expect([...nextSelection(ids, new Set(['d', 'a']), 'd', 'b', true)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
  it('treats a shift-click without an anchor still shown as a plain click', () => {
    expect([...nextSelection(ids, new Set(), 'gone', 'c', true)]).toEqual(['c']);
  });
});
