import { describe, expect, it } from 'vitest';
import { treeOrder } from './catalogueTree.ts';

describe('treeOrder', () => {
  it('puts each parent before its children with their depth, keeping sibling order', () => {
    const nodes = [
      { id: 'GV.OC-01', parent: 'GV.OC' }, { id: 'GV', parent: null }, { id: 'ID', parent: null }, { id: 'GV.OC', parent: 'GV' }, { id: 'GV.RM', parent: 'GV' },
    ];
    expect(treeOrder(nodes).map((r) => `${r.depth}:${r.node.id}`)).toEqual(['0:GV', '1:GV.OC', '2:GV.OC-01', '1:GV.RM', '0:ID']);
  });
  it('keeps nodes of a cycle or with an unknown parent visible', () => {
    const nodes = [{ id: 'A', parent: 'B' }, { id: 'B', parent: 'A' }, { id: 'C', parent: 'missing' }];
    expect(treeOrder(nodes).map((r) => r.node.id).sort()).toEqual(['A', 'B', 'C']);
  });
});
