import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'lachan-lock-'));

describe('data directory lock', () => {
  it('refuses a second lock while the first is held, and allows one after release', () => {
    const d = dir();
    const release = lockDataDir(d);
    expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
    release();
    lockDataDir(d)();
  });
  it('takes over a lock whose owner is dead', () => {
    const d = dir();
    writeFileSync(join(d, 'lachan.lock'), '999999999 123');
    lockDataDir(d)();
  });
  it('takes over a lock whose pid was recycled by another process (start time differs)', () => {
    const d = dir();
    writeFileSync(join(d, 'lachan.lock'), `${process.ppid} 1`);
    const release = lockDataDir(d);
    expect(readFileSync(join(d, 'lachan.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid}( |$)`));
    release();
  });
});
