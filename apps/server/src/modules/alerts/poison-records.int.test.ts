import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { sendBatch, storedAlerts } from '../../testing/ingest-batches.ts';

let t: TestApp;
let key: { id: string; key: string };
beforeAll(async () => {
  t = await createTestApp();
  key = await t.keyFor('prov-48', 'connector');
});
afterAll(() => t?.close());

const FAR = '9999-12-31T23:59:59-14:00';
const NOW = '2026-01-01T00:00:00Z';
/** A record of each JSON format, with its title and time where that format keeps them. */
const RECORDS: Record<string, (title: string, time: string) => Record<string, unknown>> = {
  lachan: (title, time) => ({ title, severity: 'high', time, src: { ip: '198.51.100.23' } }),
  ecs: (title, time) => ({ '@timestamp': time, event: { kind: 'alert' }, rule: { name: title }, source: { ip: '198.51.100.23' } }),
  wazuh: (title, time) => ({ timestamp: time, rule: { level: 10, description: title, id: '5712' }, data: { srcip: '198.51.100.23' } }),
  suricata: (title, time) => ({ timestamp: time, event_type: 'alert', src_ip: '198.51.100.23', alert: { signature: title, signature_id: 1 } }),
};

describe('one poison record no longer sinks its batch', () => {
  for (const [format, record] of Object.entries(RECORDS)) {
    it(`${format}: a \\u0000 escape, a lone surrogate and a date past 9999 UTC stay in their own record; the batch is stored`, async () => {
      const marker = `poison-${format}`;
      const lines = [
        JSON.stringify(record(`${marker} good first`, NOW)),
        JSON.stringify(record(`${marker} nul \u0000 inside`, NOW)),
        JSON.stringify(record(`${marker} lone \ud800 surrogate`, NOW)),
        JSON.stringify(record(`${marker} far date`, FAR)),
        JSON.stringify(record(`${marker} good last`, NOW)),
      ];
      const r = await sendBatch(t, key, format, lines.join('\n'));
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      expect(r.body.accepted! + r.body.duplicates! + r.body.rejected!).toBe(lines.length);
      expect(r.quarantined.map((q) => q.raw)).toEqual(r.body.errors!.map((e) => lines[e.index]));
      const stored = await storedAlerts(t, key, format, marker);
      // A NUL in a title is a control character, cut like the others; in any other field it becomes U+FFFD.
      expect(stored.map((a) => a.title)).toEqual(expect.arrayContaining([`${marker} good first`, `${marker} nul   inside`, `${marker} lone \uFFFD surrogate`, `${marker} good last`]));
      // The raw record keeps what was sent, escapes included.
      expect(stored.find((a) => a.title.includes('nul'))!.raw).toBe(lines[1]);
      if (format === 'lachan') {
        // The strict format refuses the far date, with its reason and the record as sent.
        expect(r.body).toMatchObject({ accepted: 4, rejected: 1, errors: [{ index: 3, code: 'invalid_value' }] });
      } else {
        // The lenient formats read it as no time: the alert is stored at its arrival.
        expect(r.body).toMatchObject({ accepted: 5, rejected: 0 });
        expect(stored.find((a) => a.title.includes('far date'))!.event_time.getUTCFullYear()).toBeLessThan(10000);
      }
    });
  }

  it('quarantines only the broken element of a JSON array, not the whole array', async () => {
    const good = (n: number) => JSON.stringify(RECORDS.lachan!(`array-element ${n}`, NOW));
    const broken = '{"title": "array-element broken, "severity": [}';
    const body = `[${good(1)},\n${broken},\n${good(2)},\n${good(3)}]`;
    const r = await sendBatch(t, key, 'lachan', body, { 'content-type': 'application/json' });
    expect(r.body).toMatchObject({ accepted: 3, rejected: 1, errors: [{ index: 1, code: 'malformed_json' }] });
    expect(r.quarantined).toEqual([expect.objectContaining({ code: 'malformed_json', raw: broken })]);
  });

  it('quarantines the one record the database refuses for a reason no check foresaw, storing the rest', async () => {
    // A trigger stands for any value the database may refuse that the parsers let through.
    await sql.raw(`create function refuse_for_test() returns trigger language plpgsql as $$ begin
        if new.title like '%refuse me%' then raise exception 'refused for the test' using errcode = '22023'; end if; return new; end $$`).execute(t.platform.db);
    await sql.raw('create trigger refuse_for_test before insert on alerts for each row execute function refuse_for_test()').execute(t.platform.db);
    try {
      const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify(RECORDS.lachan!(i === 17 ? 'refusal refuse me' : `refusal neighbour ${i}`, NOW)));
      const r = await sendBatch(t, key, 'lachan', lines.join('\n'));
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      expect(r.body).toMatchObject({ accepted: 39, duplicates: 0, rejected: 1, errors: [{ index: 17, code: 'refused_by_database', message: expect.stringContaining('22023') }] });
      expect(r.quarantined).toEqual([expect.objectContaining({ code: 'refused_by_database', raw: lines[17] })]);
      expect(await storedAlerts(t, key, 'lachan', 'refusal neighbour')).toHaveLength(39);
    } finally {
      await sql.raw('drop trigger refuse_for_test on alerts').execute(t.platform.db);
      await sql.raw('drop function refuse_for_test()').execute(t.platform.db);
    }
  });
});
