import { describe, expect, it } from 'vitest';
import { loadViews, storeViews, withoutView, withView, VIEWS_STORAGE_KEY } from './savedViews.ts';

const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
};

describe('saved queue views', () => {
  it('keeps one view per name, replacing it on save, in name order', () => {
    let views = withView([], { name: 'Quá hạn', search: 'overdue=true' });
    views = withView(views, { name: 'Critical open', search: 'status=open&severity=4' });
    views = withView(views, { name: ' quá hạn ', search: 'overdue=true&serious=true' });
    expect(views).toEqual([
      { name: 'Critical open', search: 'status=open&severity=4' },
      { name: 'quá hạn', search: 'overdue=true&serious=true' },
    ]);
    expect(withoutView(views, 'Critical open').map((v) => v.name)).toEqual(['quá hạn']);
  });

  it('survives a round trip through storage and ignores what it cannot read', () => {
    const storage = memory();
    storeViews([{ name: 'Mine', search: 'assigned=me' }], storage);
    expect(loadViews(storage)).toEqual([{ name: 'Mine', search: 'assigned=me' }]);
    storage.setItem(VIEWS_STORAGE_KEY, '{not json');
    expect(loadViews(storage)).toEqual([]);
    storage.setItem(VIEWS_STORAGE_KEY, JSON.stringify([{ name: 1 }, { name: 'ok', search: '' }]));
    expect(loadViews(storage)).toEqual([{ name: 'ok', search: '' }]);
  });
});
