import { describe, expect, it } from 'vitest';
import { leadMove } from './leadership.ts';

describe('spreading worker leads over the live nodes', () => {
  it('takes up to its share: every worker on the only node, about a third each of three', () => {
    expect(leadMove(0, 10, 1, 10, 0)).toEqual({ take: 10, release: 0 });
    expect(leadMove(0, 10, 3, 10, 0)).toEqual({ take: 4, release: 0 });
    expect(leadMove(4, 10, 3, 2, 0)).toEqual({ take: 0, release: 0 });
  });

  it('gives one lead up per round while holding more than its share (a node joined)', () => {
    expect(leadMove(10, 10, 3, 0, 0)).toEqual({ take: 0, release: 1 });
    expect(leadMove(5, 10, 3, 0, 0)).toEqual({ take: 0, release: 1 });
  });

  it('takes what a dead node led: fewer live nodes, a larger share', () => {
    expect(leadMove(4, 10, 2, 3, 1)).toEqual({ take: 1, release: 0 });
  });

  it('takes a worker nobody led for several rounds even beyond its share', () => {
    expect(leadMove(4, 10, 3, 1, 1)).toEqual({ take: 0, release: 0 });
    expect(leadMove(4, 10, 3, 1, 3)).toEqual({ take: 1, release: 0 });
  });
});
