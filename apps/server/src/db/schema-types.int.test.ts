import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { generateSchemaTypes } from './schema-types.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the database types', () => {
  it('are generated from the migrations: schema.generated.ts equals a fresh generation (npm run db:types)', async () => {
    const committed = readFileSync(new URL('./schema.generated.ts', import.meta.url), 'utf8');
    expect(await generateSchemaTypes(t.platform.db)).toBe(committed);
  });
});
