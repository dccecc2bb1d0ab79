import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../..', import.meta.url));
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
});

describe('the outbox', () => {
  it('has one writer: no statement inserts into it outside the events module', () => {
    const writers = files(src).filter((f) => /insert\s+into\s+outbox\b/i.test(readFileSync(f, 'utf8'))).map((f) => relative(src, f));
    expect(writers).toEqual(['modules/events/outbox.repository.ts']);
  });
});
