import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from './isolation/routes.ts';
import { askStream } from './isolation/stream.ts';
import { CALLERS, CODE_OF, OTHERS, OWN, cellOf, type Answer, type CallerName, type RouteSpec } from './isolation/spec.ts';
import { buildWorld, type World } from './isolation/world.ts';

/**
 * The isolation matrix: every route the app registers × {anonymous, another organisation's analyst,
 * admin and connector key, the own organisation's analyst (and its admin, key or the centre where a
 * route is theirs)}, acting on real resources of the own organisation. A route without a row in
 * `isolation/routes-*.ts` fails the suite.
 */
let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 600_000);
afterAll(() => w?.t.close());

/** Routes as `METHOD url`; HEAD is answered by the GET handler of the same route. */
const registered = () => [...new Set(w.t.routes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`))];
/** An answer, not a refusal: 2xx, or a redirect of the public documentation pages. */
const ok = (status: number) => status >= 200 && status < 400;

const STANDING = ['anonymous', 'otherAnalyst', 'otherAdmin', 'otherKey', 'ownAnalyst'] as const;
const rowName = (r: RouteSpec) => `${r.route}${r.variant ? ` (${r.variant})` : ''}`;

describe('the route table', () => {
  it('has a row for every route the app registers', () => {
    const declared = new Set(ROUTES.map((r) => r.route));
    const missing = registered().filter((r) => !declared.has(r));
    const where = 'apps/server/src/http/isolation/routes-*.ts';
    expect(missing, `declare these routes (request, expected status per caller) in ${where}: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no row twice and none for a route the app does not have', () => {
    const routes = new Set(registered());
    const rows = ROUTES.map(rowName);
    expect(rows.filter((r, i) => rows.indexOf(r) !== i), 'declared twice').toEqual([]);
    expect(ROUTES.map((r) => r.route).filter((r) => !routes.has(r)), 'declared but not registered').toEqual([]);
  });

  it('asks every row as the five standing callers, and someone gets an answer on every route (the positive control)', () => {
    for (const r of ROUTES) for (const who of STANDING) expect(r.expect[who], `${rowName(r)}: ${who}`).toBeDefined();
    const answered = new Set(ROUTES.filter((r) => Object.values(r.expect).some((c) => ok(cellOf(c!).status))).map((r) => r.route));
    expect(ROUTES.map((r) => r.route).filter((r) => !answered.has(r)), 'routes without a positive control').toEqual([]);
  });
});

/** Sends one cell's request, injected or (the event stream) over the network. */
async function ask(spec: RouteSpec, who: CallerName): Promise<Answer> {
  const req = await spec.request(w, who);
  if (spec.stream) return askStream(w, who, req);
  return (req.caller ?? w.callers[who]).request(req.method, req.url, req.body, req.headers);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A token found in an answer as a whole word (an alert id `20261121-4` is not found in `20261121-47`). */
const carries = (body: string, token: string) => new RegExp(`(?<![A-Za-z0-9])${escape(token)}(?![A-Za-z0-9])`).test(body);
const excerpt = (res: Answer) => res.body.slice(0, 400);

/** A refusal in the one error shape (TAXII: its own), with the code of its status. */
function expectRefusal(spec: RouteSpec, status: number, res: Answer): void {
  const body = JSON.parse(res.body) as { error?: { code?: string }; http_status?: string };
  if (spec.taxii) expect(body.http_status, res.body).toBe(String(status));
  else if (spec.codes?.[status] ?? CODE_OF[status]) expect(body.error?.code, res.body).toBe(spec.codes?.[status] ?? CODE_OF[status]);
}

/** An answer to an outsider carries nothing of the own organisation's, and does carry what was shared. */
function expectNothingOwn(spec: RouteSpec, who: CallerName, res: Answer): void {
  const leaked = w.secrets.filter((s) => carries(res.body, s));
  expect(leaked, `${spec.route} gave ${who} the own organisation's ${leaked.join(', ')}`).toEqual([]);
  for (const s of spec.sharedShows?.(w) ?? []) expect(carries(res.body, s), `${who} should see shared ${s} in ${excerpt(res)}`).toBe(true);
}

async function cell(spec: RouteSpec, who: CallerName, status: number): Promise<void> {
  const res = await ask(spec, who);
  expect(res.statusCode, `${spec.route} as ${who}: ${res.body.slice(0, 500)}`).toBe(status);
  if (!ok(status)) expectRefusal(spec, status, res);
  else if (who === 'anonymous' || OTHERS.includes(who)) expectNothingOwn(spec, who, res);
  else if (OWN.includes(who)) for (const s of spec.shows?.(w) ?? []) expect(carries(res.body, s), `${who} should see ${s} in ${excerpt(res)}`).toBe(true);
  await spec.check?.(w, who, res);
}

for (const spec of ROUTES) {
  describe(rowName(spec), () => {
    for (const who of CALLERS) {
      const c = spec.expect[who];
      if (c === undefined) continue;
      const { status, knownFailure } = cellOf(c);
      if (knownFailure) it.fails(`${who} → ${status} (known failure until issue 12: ${knownFailure})`, () => cell(spec, who, status));
      else it(`${who} → ${status}`, () => cell(spec, who, status));
    }
  });
}
