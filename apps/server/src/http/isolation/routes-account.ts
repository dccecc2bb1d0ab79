import { del, get, put, row, type Req, type RouteSpec } from './spec.ts';
import { freshUser, OWN_ORG, PASSWORD, type World } from './world.ts';

/**
 * Another session of a fresh own account. The own analyst ends it from its second session; everyone
 * else asks for it by id from their own account, where it does not exist.
 */
async function otherSessionOfOwnAccount(w: World, who: string): Promise<Req> {
  const first = await w.t.userIn(OWN_ORG, 'analyst');
  const second = await w.t.login(first.email, PASSWORD);
  const items = (await second.get('/api/v1/me/sessions')).json().items as { id: string; current: boolean }[];
  const id = items.find((s) => !s.current)!.id;
  return who === 'ownAnalyst' ? { ...del(`/api/v1/me/sessions/${id}`), caller: second } : del(`/api/v1/me/sessions/${id}`);
}

/** The account page: one's own sessions and e-mail preferences (every signed-in user, never a machine key). */
export const ACCOUNT_ROUTES: RouteSpec[] = [
  { route: 'GET /api/v1/me/sessions', request: () => get('/api/v1/me/sessions'), expect: row(401, 200, 200, 403, 200) },
  { route: 'DELETE /api/v1/me/sessions/:id', request: (w, who) => otherSessionOfOwnAccount(w, who), expect: row(401, 404, 404, 403, 200) },
  { route: 'GET /api/v1/me/mail-preferences', request: () => get('/api/v1/me/mail-preferences'), expect: row(401, 200, 200, 403, 200) },
  {
    route: 'PUT /api/v1/me/mail-preferences',
    request: async (w, who) => ({ ...put('/api/v1/me/mail-preferences', { warningMinSeverity: 4, warningReminders: true }), caller: await freshUser(w, who) }),
    expect: row(401, 200, 200, 403, 200),
  },
];
