import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { OPEN_BY_NATURE } from '@lachan/contracts';
import { openLevels, registerClosedBodies } from './closed-bodies.ts';

const closed = { additionalProperties: false } as const;

describe('openLevels', () => {
  it('finds every object level that takes fields nobody named', () => {
    const schema = Type.Object({
      name: Type.String(),
      system: Type.Object({ name: Type.String() }),
      items: Type.Array(Type.Object({ v: Type.String() }, closed)),
      auth: Type.Union([Type.Object({ kind: Type.Literal('a') }, closed), Type.Object({ kind: Type.Literal('b') })]),
    });
    expect(openLevels(schema)).toEqual(['', '/system', '/auth']);
  });

  it('counts a closed Partial and a typed map as closed, and a bare Unknown body as open', () => {
    expect(openLevels(Type.Partial(Type.Object({ a: Type.String() }), { ...closed, minProperties: 1 }))).toEqual([]);
    expect(openLevels(Type.Partial(Type.Object({ a: Type.String() }, closed)))).toEqual(['']);
    expect(openLevels(Type.Object({ tags: Type.Record(Type.String(), Type.Object({ n: Type.Integer() }, closed)) }, closed))).toEqual([]);
    expect(openLevels(Type.Unknown())).toEqual(['']);
    expect(openLevels(Type.Object({ raw: Type.Unknown() }, closed))).toEqual([]);
  });

  it('skips a level marked open by nature, with its reason, and only then', () => {
    const raw = (reason: string) => Type.Object({ records: Type.Array(Type.Object({}, { [OPEN_BY_NATURE]: reason })) }, closed);
    expect(openLevels(raw('a raw alert record keeps whatever the sensor sent'))).toEqual([]);
    expect(openLevels(raw(' '))).toEqual(['/records/0']);
  });
});

describe('registerClosedBodies', () => {
  const app = (body: unknown) => {
    const a = Fastify({ ajv: { customOptions: { removeAdditional: false, keywords: [OPEN_BY_NATURE] } } });
    registerClosedBodies(a);
    void a.register(async (api) => {
      api.post('/x', { schema: { body } }, async () => ({ ok: true }));
    });
    return a;
  };

  it('refuses to start when a route body has an open level, naming route and level', async () => {
    await expect(app(Type.Object({ profile: Type.Object({ name: Type.String() }, closed) })).ready()).rejects.toThrow(/POST \/x: the body schema accepts unnamed fields at the body itself/);
    await expect(app(Type.Object({ profile: Type.Object({ name: Type.String() }) }, closed)).ready()).rejects.toThrow(/at \/profile;/);
  });

  it('starts when every level is closed', async () => {
    const a = app(Type.Object({ profile: Type.Object({ name: Type.String() }, closed) }, closed));
    await a.ready();
    const res = await a.inject({ method: 'POST', url: '/x', payload: { profile: { name: 'x', role: 'national_coordinator' } } });
    expect(res.statusCode).toBe(400);
    await a.close();
  });
});
