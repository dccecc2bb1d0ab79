import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import type { IncidentFacts } from './incident-facts.ts';
import { addFacts, MAX_INCIDENT_OBSERVABLES } from './incident-facts.repository.ts';

let t: TestApp;
let analyst: Caller;

async function open(title: string, observables: { type: string; value: string }[] = []): Promise<string> {
  const res = await analyst.post('/api/v1/incidents', { severity: 2, title, observables });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const facts = (over: Partial<IncidentFacts>): IncidentFacts => ({ rsitClass: null, rsitType: null, attack: [], assets: [], observables: [], indicatorIds: [], ...over });
const ip = (n: number) => ({ type: 'ipv4', value: `198.51.${Math.floor(n / 250)}.${n % 250}` });

async function observablesOf(id: string) {
  const rows = (await sql<{ type: string; value: string }>`select type, value from incident_observables where incident_id = ${id} order by value`.execute(t.platform.db)).rows;
  // The count kept beside the incident, which decides whether it takes more, is the true one.
  const kept = await sql<{ n: number }>`select observable_count as n from incidents where id = ${id}`.execute(t.platform.db);
  expect(kept.rows[0]!.n).toBe(rows.length);
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.userIn('bank-sgb', 'analyst');
});
afterAll(() => t?.close());

describe('evidence an incident takes from its alerts', () => {
  it('adds what an incident lacks, once, up to its bound, whichever incidents of the group are full', async () => {
    const [full, room] = [await open('Đầy bằng chứng'), await open('Còn chỗ')];
    // Filled to the bound in steps, as groups of alerts would fill it.
    for (let n = 0; n < MAX_INCIDENT_OBSERVABLES; n += 200) {
      await addFacts(t.platform.db, [{ incidentId: full, facts: facts({ observables: Array.from({ length: Math.min(200, MAX_INCIDENT_OBSERVABLES - n) }, (_, k) => ip(n + k)) }) }]);
    }
    expect(await observablesOf(full)).toHaveLength(MAX_INCIDENT_OBSERVABLES);
    await addFacts(t.platform.db, [{ incidentId: room, facts: facts({ observables: [ip(1), ip(2)] }) }]);

    // One group: the full incident repeats one it holds and brings a new one; the other repeats one and brings two new.
    await addFacts(t.platform.db, [
      { incidentId: full, facts: facts({ observables: [ip(3), { type: 'domain', value: 'c2.example.net' }] }) },
      { incidentId: room, facts: facts({ observables: [ip(2), { type: 'domain', value: 'c2.example.net' }, { type: 'sha256', value: 'e'.repeat(64) }] }) },
    ]);
    const kept = await observablesOf(full);
    expect(kept).toHaveLength(MAX_INCIDENT_OBSERVABLES);
    expect(kept.map((o) => o.value)).not.toContain('c2.example.net');
    expect(await observablesOf(room)).toEqual([ip(1), ip(2), { type: 'domain', value: 'c2.example.net' }, { type: 'sha256', value: 'e'.repeat(64) }].sort((a, b) => a.value.localeCompare(b.value)));
  });

  it('merges techniques and assets into what the incident has, leaving it alone when it has them all', async () => {
    const id = await open('Kỹ thuật và tài sản');
    await addFacts(t.platform.db, [{ incidentId: id, facts: facts({ attack: ['T1190', 'T1059'], assets: ['web-01'] }) }]);
    const row = async () => (await sql<{ attack: string[]; affected_assets: string[] }>`select attack, affected_assets from incidents where id = ${id}`.execute(t.platform.db)).rows[0]!;
    expect(await row()).toEqual({ attack: ['T1059', 'T1190'], affected_assets: ['web-01'] });
    // Nothing new: unchanged. Something new among known ones: added, in order, once.
    await addFacts(t.platform.db, [{ incidentId: id, facts: facts({ attack: ['T1190'], assets: [] }) }]);
    expect(await row()).toEqual({ attack: ['T1059', 'T1190'], affected_assets: ['web-01'] });
    await addFacts(t.platform.db, [{ incidentId: id, facts: facts({ attack: ['T1190', 'T1003'], assets: ['web-01', 'db-01'] }) }]);
    expect(await row()).toEqual({ attack: ['T1003', 'T1059', 'T1190'], affected_assets: ['db-01', 'web-01'] });
  });

  it('keeps the count that bounds them through an analyst\'s edit and a merge', async () => {
    const [kept, other] = [await open('Sửa tay', [ip(10), ip(11), ip(12)]), await open('Gộp vào', [ip(12), ip(13)])];
    expect(await observablesOf(kept)).toHaveLength(3);
    expect((await analyst.patch(`/api/v1/incidents/${kept}`, { observables: [ip(10)] })).statusCode).toBe(200);
    expect(await observablesOf(kept)).toEqual([ip(10)]);
    expect((await analyst.post(`/api/v1/incidents/${kept}/merge`, { incidentIds: [other] })).statusCode).toBe(200);
    expect(await observablesOf(kept)).toEqual([ip(10), ip(12), ip(13)]);
  });
});
