import { describe, expect, it } from 'vitest';
import { AlertFeed, type CommittedAlert } from './alert-feed.ts';

const alerts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i) }) as CommittedAlert);

describe('batches read back for the consumers of one process', () => {
  it('reads a batch once however many consumers ask, at once or later', async () => {
    const feed = new AlertFeed();
    let reads = 0;
    const read = async () => (reads++, alerts(3));
    const [a, b] = await Promise.all([feed.readBack('7', 'org', read), feed.readBack('7', 'org', read)]);
    const c = await feed.readBack('7', 'org', read);
    expect(reads).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
    // Another organisation's part of the batch is its own read.
    await feed.readBack('7', 'other', read);
    expect(reads).toBe(2);
  });

  it('does not keep a failed read, and keeps only the latest parts', async () => {
    const feed = new AlertFeed();
    await expect(feed.readBack('1', 'org', () => Promise.reject(new Error('connection lost')))).rejects.toThrow('connection lost');
    expect(await feed.readBack('1', 'org', async () => alerts(2))).toHaveLength(2);
    let reads = 0;
    for (let i = 0; i < 100; i++) await feed.readBack(String(100 + i), 'org', async () => (reads++, alerts(1)));
    await feed.readBack('199', 'org', async () => (reads++, alerts(1)));
    expect(reads).toBe(100);
    // The oldest were let go: asked again, read again.
    await feed.readBack('100', 'org', async () => (reads++, alerts(1)));
    expect(reads).toBe(101);
  });

  it('reads many parts in one read, sharing those already kept, and a part with nothing as empty', async () => {
    const feed = new AlertFeed();
    await feed.readBack('1', 'org', async () => alerts(2));
    const asked: string[][] = [];
    const got = await feed.readBackMany([{ batchId: '1', orgId: 'org' }, { batchId: '2', orgId: 'org' }, { batchId: '3', orgId: 'org' }], async (missing) => {
      asked.push(missing.map((p) => p.batchId));
      return new Map([['2|org', alerts(5)]]);
    });
    expect(asked).toEqual([['2', '3']]);
    expect(got.map((x) => x.length)).toEqual([2, 5, 0]);
    // Kept for the process's other consumers: no second read.
    expect(await feed.readBack('2', 'org', async () => alerts(9))).toHaveLength(5);
  });
});
