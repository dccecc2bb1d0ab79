import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { finishedRun } from '../../testing/intake-runs.ts';
import { get, OTHERS, post, row, type Answer, type CallerName, type RouteSpec } from './spec.ts';
import { indicator } from './world-intel.ts';
import type { World } from './world.ts';

/** Intel readers of another organisation do not reach the own organisation's AMBER objects, nor learn they exist. */
const onOwn = (ownStatus: number) => row(401, 404, 404, 404, ownStatus);
const everyReader = row(401, 200, 200, 200, 200);

/**
 * The body of a bundle upload: for another organisation, a new version of a fresh own AMBER indicator,
 * re-marked CLEAR with another value (taking it over); for the own organisation, its own next version.
 */
async function takeover(w: World, who: CallerName): Promise<{ type: string; id: string; objects: { id: string }[] }> {
  const id = await w.intel.freshIndicator();
  const next = OTHERS.includes(who)
    ? indicator('Đã chiếm quyền', '100.200.100.99', 'CLEAR', id)
    : indicator(`C2 riêng ${w.marker} v2`, '100.200.113.51', 'AMBER', id);
  next.modified = new Date(Date.now() + 60_000).toISOString();
  return { type: 'bundle', id: `bundle--${randomUUID()}`, objects: [next as { id: string }] };
}

/** After an upload: the own indicator is still the own organisation's AMBER object, out of the other organisation's reach. */
async function stillOwn(w: World, res: Answer, body: { objects: { id: string }[] }): Promise<void> {
  if (res.statusCode !== 202) return;
  const id = body.objects[0]!.id;
  const mine = (await w.callers.ownAnalyst.get(`/api/v1/intel/objects/${id}`)).json() as { tlp: string; ownerOrgId: string };
  expect(mine, 'the own object after the upload').toMatchObject({ tlp: 'AMBER', ownerOrgId: w.org.own });
  expect((await w.callers.otherAnalyst.get(`/api/v1/intel/objects/${id}`)).statusCode, 'the other organisation reads the own object').toBe(404);
}

const upload = (url: string, expect: RouteSpec['expect']): RouteSpec => {
  const sent = new Map<CallerName, { objects: { id: string }[] }>();
  return {
    route: `POST ${url}`,
    request: async (w, who) => {
      const body = await takeover(w, who);
      sent.set(who, body);
      return post(url, body);
    },
    expect,
    check: (w, who, res) => stillOwn(w, res, sent.get(who)!),
  };
};

/** The knowledge base, its search, exports, indicator status, intake runs, feeds and collection administration. */
export const INTEL_ROUTES: RouteSpec[] = [
  {
    route: 'GET /api/v1/intel/objects',
    request: () => get('/api/v1/intel/objects?type=indicator&limit=200'),
    expect: everyReader,
    shows: (w) => [w.intel.amber.id],
    sharedShows: (w) => [w.intel.clear.id],
  },
  { route: 'GET /api/v1/intel/objects/:id', request: (w) => get(`/api/v1/intel/objects/${w.intel.amber.id}`), expect: onOwn(200) },
  {
    route: 'GET /api/v1/intel/objects/:id', variant: 'a CLEAR object reaches every intel reader',
    request: (w) => get(`/api/v1/intel/objects/${w.intel.clear.id}`), expect: everyReader, sharedShows: (w) => [w.intel.clear.value],
  },
  { route: 'GET /api/v1/intel/objects/:id/versions', request: (w) => get(`/api/v1/intel/objects/${w.intel.amber.id}/versions`), expect: onOwn(200) },
  {
    route: 'GET /api/v1/intel/indicators/:id/status',
    request: (w) => get(`/api/v1/intel/indicators/${w.intel.amber.id}/status`),
    expect: onOwn(200),
  },
  {
    route: 'GET /api/v1/intel/exports/:format', request: () => get('/api/v1/intel/exports/txt'), expect: everyReader,
    shows: (w) => [w.intel.amber.value], sharedShows: (w) => [w.intel.clear.value],
  },
  { route: 'GET /api/v1/intel/intake-runs', request: () => get('/api/v1/intel/intake-runs'), expect: everyReader, shows: (w) => [w.intel.runId] },
  { route: 'GET /api/v1/intel/intake-runs/:id', request: (w) => get(`/api/v1/intel/intake-runs/${w.intel.runId}`), expect: onOwn(200) },
  { route: 'GET /api/v1/intel/feeds', request: () => get('/api/v1/intel/feeds'), expect: everyReader, shows: (w) => [w.intel.feedId] },
  {
    // Any intel writer registers a feed for its own organisation; it never lands in the own organisation's list.
    route: 'POST /api/v1/intel/feeds',
    request: (w) => post('/api/v1/intel/feeds', { name: `Nguồn ${w.unique()}`, kind: 'misp', location: 'feed' }),
    expect: row(401, 201, 201, 201, 201),
    check: async (w, who, res) => {
      if (!OTHERS.includes(who) || res.statusCode !== 201) return;
      const own = (await w.callers.ownAnalyst.get('/api/v1/intel/feeds')).body;
      expect(own).not.toContain(JSON.parse(res.body).id);
    },
  },
  {
    route: 'POST /api/v1/intel/feeds/:id/run', request: (w) => post(`/api/v1/intel/feeds/${w.intel.feedId}/run`), expect: onOwn(202),
    check: async (w, _who, res) => {
      if (res.statusCode === 202) await finishedRun(w.callers.ownAnalyst, JSON.parse(res.body).runId);
    },
  },
  upload('/api/v1/intel/bundles', row(401, 202, 202, 202, 202, { ownKey: 202 })),
  // The ATT&CK reference is replaced by the centre only: nobody else can rename techniques for everyone.
  upload('/api/v1/intel/attack', row(401, 403, 403, 403, 403, { ownAdmin: 403, ownKey: 403, centre: 202 })),
  {
    route: 'GET /api/v1/intel/collections',
    request: () => get('/api/v1/intel/collections'),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: 200 }),
  },
  {
    route: 'POST /api/v1/intel/collections',
    request: (w) => post('/api/v1/intel/collections', {
      title: 'Bộ sưu tập mới', tlpCeiling: 'GREEN', grants: [{ orgId: w.org.own, canRead: true, canWrite: false }],
    }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: 201 }),
  },
  {
    route: 'PATCH /api/v1/intel/collections/:id',
    request: (w) => ({ method: 'PATCH', url: `/api/v1/intel/collections/${w.intel.collectionId}`, body: { description: 'Chỉ số của thành phố' } }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: 200 }),
  },
];
