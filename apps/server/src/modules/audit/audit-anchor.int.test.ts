import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import type { AuditHead } from '@lachan/contracts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { AuditSigner } from './audit-signing.ts';

// Every test tampers with the log, so each gets its own database.
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t?.close());

const newestId = async (): Promise<bigint> => BigInt((await t.admin.get('/api/v1/audit?limit=1')).json().items[0].id);
const verify = async (heads?: AuditHead[]) => (heads ? await t.admin.post('/api/v1/audit/verify', { heads }) : await t.admin.get('/api/v1/audit/verify')).json();
/** Audited changes that anyone may make: edits of a province's website. */
async function changes(n: number): Promise<void> {
  const org = await t.org('prov-48');
  for (let i = 0; i < n; i++) expect((await t.admin.patch(`/api/v1/orgs/${org}`, { website: `https://lan-${i}-${Date.now()}.example.vn` })).statusCode).toBe(200);
}
/** Runs statements as an operator with the table owner's rights would: append-only triggers off for a moment. */
async function asOwner(table: string, ...statements: RawBuilder<unknown>[]): Promise<void> {
  await sql.raw(`alter table ${table} disable trigger user`).execute(t.platform.db);
  try {
    for (const s of statements) await s.execute(t.platform.db);
  } finally {
    await sql.raw(`alter table ${table} enable trigger user`).execute(t.platform.db);
  }
}
const deleteNewest = (n: number) => sql`delete from audit_log where id in (select id from audit_log order by id desc limit ${n})`;

describe('a truncated tail', () => {
  it('is detected from the chain head the database keeps, naming the first missing link', async () => {
    await changes(3);
    const newest = await newestId();
    expect(await verify()).toMatchObject({ ok: true, head: { lastId: String(newest) } });
    await asOwner('audit_log', deleteNewest(3));
    expect(await verify()).toMatchObject({ ok: false, firstBroken: { id: String(newest - 2n), reason: expect.stringMatching(/^truncated: the chain head records link/) } });
  });

  it('is detected against the last signed checkpoint when the head row was rewritten too', async () => {
    await changes(2);
    const checkpoint = await t.platform.audit.checkpoints.checkpoint();
    expect(checkpoint).not.toBeNull();
    await changes(1);
    await asOwner('audit_log', deleteNewest(3));
    await asOwner('audit_chain_head', sql`update audit_chain_head set (last_id, hash) = (select id, hash from audit_log order by id desc limit 1)`);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.firstBroken.reason).toMatch(new RegExp(`^truncated: checkpoint \\d+ of .* records link ${checkpoint!.lastId}`));
  });

  it('is detected against an exported head when the head and the checkpoints were rewritten as well', async () => {
    await changes(2);
    const exported = (await t.admin.get('/api/v1/audit/head')).json() as AuditHead;
    expect(exported).toMatchObject({ format: 'lachan-audit-head/1', lastId: String(await newestId()) });
    await asOwner('audit_log', deleteNewest(2));
    await asOwner('audit_chain_head', sql`update audit_chain_head set (last_id, hash) = (select id, hash from audit_log order by id desc limit 1)`);
    await asOwner('audit_checkpoints', sql`delete from audit_checkpoints where last_id >= ${exported.lastId}::bigint - 1`);
    // What the database alone cannot tell (the ADR says so): a consistent, shorter log.
    expect((await verify()).ok).toBe(true);
    expect(await verify([exported])).toMatchObject({ ok: false, firstBroken: { reason: expect.stringMatching(/^truncated: the exported head of .* records link/) } });
  });

  it('and a rewritten tail (same length, other content) is detected against an exported head', async () => {
    await changes(1);
    const exported = (await t.admin.get('/api/v1/audit/head')).json() as AuditHead;
    await asOwner('audit_log', deleteNewest(1));
    await asOwner('audit_chain_head', sql`update audit_chain_head set (last_id, hash) = (select id, hash from audit_log order by id desc limit 1)`);
    await asOwner('audit_checkpoints', sql`delete from audit_checkpoints where last_id >= ${exported.lastId}::bigint`);
    await changes(1);
    expect(await verify([exported])).toMatchObject({ ok: false, firstBroken: { id: exported.lastId, reason: expect.stringMatching(/rewritten after it/) } });
  });
});

describe('ids', () => {
  it('are never handed out again after the newest rows were deleted, and the gap is named', async () => {
    await changes(3);
    const newest = await newestId();
    await asOwner('audit_log', deleteNewest(3));
    await changes(1);
    expect(await newestId()).toBe(newest + 1n);
    expect(await verify()).toMatchObject({ ok: false, firstBroken: { id: String(newest - 2n), reason: `links ${newest - 2n}–${newest} are missing: rows were deleted` } });
  });

  it('come from the chain head only: an insert that does not follow it is refused by the database', async () => {
    const head = (await verify()).head as { lastId: string; hash: string };
    const insert = (id: bigint, prev: string) => sql`insert into audit_log (id, at, actor_type, action, entity_type, prev_hash, hash)
      values (${String(id)}::bigint, now(), 'system', 'x.y', 'x', ${prev}, ${'f'.repeat(64)})`;
    await expect(insert(BigInt(head.lastId) + 2n, head.hash).execute(t.platform.db)).rejects.toThrow(/out of order/);
    await expect(insert(BigInt(head.lastId) + 1n, 'e'.repeat(64)).execute(t.platform.db)).rejects.toThrow(/out of order/);
    await expect(sql`update audit_chain_head set last_id = last_id - 1`.execute(t.platform.db)).rejects.toThrow(/only moves forward/);
    await expect(sql`delete from audit_checkpoints`.execute(t.platform.db)).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });
});

describe('signatures', () => {
  it('a checkpoint signed with another key is reported as forged', async () => {
    await changes(1);
    const head = (await verify()).head as { lastId: string; hash: string };
    const forged = new AuditSigner(randomBytes(32).toString('base64')).sign({ ...head, at: new Date().toISOString() });
    await sql`insert into audit_checkpoints (last_id, hash, at, key_id, signature)
      values (${forged.lastId}::bigint, ${forged.hash}, ${forged.at}::timestamptz, ${forged.keyId}, ${forged.signature})`.execute(t.platform.db);
    expect(await verify()).toMatchObject({ ok: false, firstBroken: { id: head.lastId, reason: expect.stringMatching(/^checkpoint \d+ of .* is not signed by a trusted key/) } });
  });

  it('an exported head altered by hand, or signed with another key, is reported as forged', async () => {
    const exported = (await t.admin.get('/api/v1/audit/head')).json() as AuditHead;
    expect(await verify([exported])).toMatchObject({ ok: true, anchors: expect.any(Number) });
    const shortened = { ...exported, lastId: String(BigInt(exported.lastId) - 5n) };
    expect(await verify([shortened])).toMatchObject({ ok: false, firstBroken: { reason: expect.stringMatching(/exported head .* not signed by a trusted key/) } });
    const other = new AuditSigner(randomBytes(32).toString('base64')).sign(exported);
    expect((await verify([other])).ok).toBe(false);
  });

  it('the head is exported to the centre only, and never signed over a truncated tail', async () => {
    const admin48 = await t.userIn('prov-48', 'org_admin');
    expect((await admin48.get('/api/v1/audit/head')).statusCode).toBe(403);
    expect((await admin48.post('/api/v1/audit/verify', { heads: [] })).statusCode).toBe(403);
    await changes(1);
    await t.platform.audit.checkpoints.checkpoint();
    await asOwner('audit_log', deleteNewest(1));
    await asOwner('audit_chain_head', sql`update audit_chain_head set (last_id, hash) = (select id, hash from audit_log order by id desc limit 1)`);
    const res = await t.admin.get('/api/v1/audit/head');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/no longer extends checkpoint/) });
    expect(await t.platform.audit.checkpoints.checkpoint()).toBeNull();
  });
});
