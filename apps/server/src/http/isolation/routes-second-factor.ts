import { del, get, post, row, type Req, type RouteSpec } from './spec.ts';
import { freshUser, OWN_ORG, PASSWORD, type World } from './world.ts';

/** A fresh account of the own organisation (changes to it never touch the matrix's standing callers). */
async function ownAccount(w: World, withFactor = false): Promise<string> {
  const user = await w.t.userIn(OWN_ORG, 'analyst');
  if (withFactor) await w.t.enrolSecondFactor(user);
  return user.id;
}

const WRONG_CODE = { 400: 'invalid_second_factor' };

/** A session of a fresh own account that enrolled a factor and gave its password only: waiting for the code. */
async function waitingForCode(w: World): Promise<Req> {
  const user = await w.t.userIn(OWN_ORG, 'analyst');
  const { secret } = await w.t.enrolSecondFactor(user);
  const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: PASSWORD } });
  const cookie = res.cookies.find((c) => c.name === 'lachan_session')!;
  const headers = { cookie: `lachan_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
  return { method: 'POST', url: '/api/v1/auth/second-factor', body: { code: w.t.nextTotpCode(secret) }, headers };
}

/**
 * The second factor: one's own (every signed-in user, never a machine key) and an account's reset by the
 * admins of its organisation.
 */
export const SECOND_FACTOR_ROUTES: RouteSpec[] = [
  {
    // The second sign-in step: only a session waiting for its code takes it; a complete session is told so.
    route: 'POST /api/v1/auth/second-factor',
    request: async (w, who) => (who === 'ownAnalyst' ? waitingForCode(w) : post('/api/v1/auth/second-factor', { code: '123456' })),
    expect: row(401, 409, 409, 401, 200),
  },
  { route: 'GET /api/v1/me/second-factor', request: () => get('/api/v1/me/second-factor'), expect: row(401, 200, 200, 403, 200) },
  {
    route: 'POST /api/v1/me/second-factor/enrolment',
    request: async (w, who) => ({ ...post('/api/v1/me/second-factor/enrolment'), caller: await freshUser(w, who) }),
    expect: row(401, 200, 200, 403, 200),
  },
  {
    // A wrong code is refused for everyone who may enrol; the own analyst confirms with a real one.
    route: 'POST /api/v1/me/second-factor/enrolment/confirm',
    request: async (w, who) => {
      const caller = await freshUser(w, who);
      const started = await caller.post('/api/v1/me/second-factor/enrolment');
      const secret = started.statusCode === 200 ? (started.json() as { secret: string }).secret : null;
      const code = secret && who === 'ownAnalyst' ? w.t.nextTotpCode(secret) : '000000';
      return { ...post('/api/v1/me/second-factor/enrolment/confirm', { code }), caller };
    },
    expect: row(401, 400, 400, 403, 200),
    codes: WRONG_CODE,
  },
  {
    route: 'POST /api/v1/me/second-factor/recovery-codes',
    request: async (w, who) => {
      const caller = await freshUser(w, who);
      if (who !== 'ownAnalyst') return { ...post('/api/v1/me/second-factor/recovery-codes', { code: '000000' }), caller };
      const { secret } = await w.t.enrolSecondFactor(caller);
      return { ...post('/api/v1/me/second-factor/recovery-codes', { code: w.t.nextTotpCode(secret) }), caller };
    },
    expect: row(401, 400, 400, 403, 200),
    codes: WRONG_CODE,
  },
  {
    route: 'POST /api/v1/me/second-factor/disable',
    request: async (w, who) => {
      const caller = await freshUser(w, who);
      if (who !== 'ownAnalyst') return { ...post('/api/v1/me/second-factor/disable', { password: PASSWORD, code: '000000' }), caller };
      const { secret } = await w.t.enrolSecondFactor(caller);
      return { ...post('/api/v1/me/second-factor/disable', { password: PASSWORD, code: w.t.nextTotpCode(secret) }), caller };
    },
    expect: row(401, 400, 400, 403, 200),
    codes: WRONG_CODE,
  },
  {
    route: 'POST /api/v1/users/:id/password',
    request: async (w) => post(`/api/v1/users/${await ownAccount(w)}/password`, {}),
    expect: row(401, 403, 404, 403, 403, { ownAdmin: 200 }),
  },
  {
    route: 'DELETE /api/v1/users/:id/second-factor',
    request: async (w) => del(`/api/v1/users/${await ownAccount(w, true)}/second-factor`),
    expect: row(401, 403, 404, 403, 403, { ownAdmin: 200 }),
  },
];
