import { del, get, patch, post, put, row, type RouteSpec } from './spec.ts';
import { freshSession, freshUser, loginProbe, PASSWORD } from './world.ts';

const everyone = (status: number) => row(status, status, status, status, status);
const signedIn = row(401, 200, 200, 200, 200);
/** Routes only the national centre may use: everyone else is refused by role. */
const centreOnly = (status: number) => row(401, 403, 403, 403, 403, { ownAdmin: 403, centre: status });

/**
 * Operations, documentation, sign-in, the caller's own profile, accounts, keys, the organisation
 * directory (open to every member of the network), reference data and the audit log.
 */
export const DIRECTORY_ROUTES: RouteSpec[] = [
  // Public by design: health, metrics (loopback), the API description and its browsable page.
  { route: 'GET /healthz', request: () => get('/healthz'), expect: everyone(200) },
  { route: 'GET /readyz', request: () => get('/readyz'), expect: everyone(200) },
  { route: 'GET /metrics', request: () => get('/metrics'), expect: everyone(200) },
  { route: 'GET /api/openapi.json', request: () => get('/api/openapi.json'), expect: everyone(200) },
  { route: 'GET /api/docs', request: () => get('/api/docs'), expect: everyone(200) },
  { route: 'GET /api/docs/static/index.html', request: () => get('/api/docs/static/index.html'), expect: everyone(302) },
  { route: 'GET /api/docs/static/swagger-initializer.js', request: () => get('/api/docs/static/swagger-initializer.js'), expect: everyone(200) },
  { route: 'GET /api/docs/static/*', request: () => get('/api/docs/static/swagger-ui.css'), expect: everyone(200) },
  { route: 'GET /api/docs/json', request: () => get('/api/docs/json'), expect: everyone(200) },
  { route: 'GET /api/docs/yaml', request: () => get('/api/docs/yaml'), expect: everyone(200) },

  // Signing in is public; signing out ends the caller's own (fresh) session; a key has none to end.
  { route: 'POST /api/v1/auth/login', request: async (w) => post('/api/v1/auth/login', await loginProbe(w)), expect: everyone(200) },
  {
    route: 'POST /api/v1/auth/logout',
    request: async (w, who) => ({ ...post('/api/v1/auth/logout'), caller: await freshSession(w, who) }),
    expect: signedIn,
  },
  // The caller's own profile: a machine key is authenticated but has none (403, not 401: signing in again would not help).
  { route: 'GET /api/v1/me', request: () => get('/api/v1/me'), expect: row(401, 200, 200, 403, 200) },
  { route: 'PATCH /api/v1/me', request: () => patch('/api/v1/me', { locale: 'vi' }), expect: row(401, 200, 200, 403, 200) },
  {
    route: 'POST /api/v1/me/password',
    request: async (w, who) => ({
      ...post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'Đổi-mật-khẩu-ma-trận-2026!' }), caller: await freshUser(w, who),
    }),
    expect: row(401, 200, 200, 403, 200),
  },

  // Accounts and keys: the centre and each organisation's admins, within their own subtree.
  {
    route: 'GET /api/v1/users',
    request: () => get('/api/v1/users?limit=1000'),
    expect: row(401, 403, 200, 403, 403, { ownAdmin: 200 }),
    shows: (w) => [w.userIds.ownAnalyst!],
  },
  {
    route: 'GET /api/v1/users/:id',
    request: (w) => get(`/api/v1/users/${w.userIds.ownAnalyst}`),
    expect: row(401, 404, 404, 404, 404, { ownAdmin: 200 }),
  },
  {
    route: 'POST /api/v1/users',
    request: (w) => post('/api/v1/users', { email: `moi-${w.unique()}@danang.example.vn`, name: 'Tài khoản mới', orgId: w.org.own, role: 'viewer' }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 201 }),
  },
  {
    route: 'PATCH /api/v1/users/:id',
    request: (w) => patch(`/api/v1/users/${w.userIds.ownAnalyst}`, { name: 'Phân tích viên Đà Nẵng' }),
    expect: row(401, 403, 404, 403, 403, { ownAdmin: 200 }),
  },
  {
    route: 'GET /api/v1/api-keys',
    request: () => get('/api/v1/api-keys'),
    expect: row(401, 403, 200, 403, 403, { ownAdmin: 200 }),
    shows: (w) => [w.keyIds.ownKey],
  },
  {
    route: 'POST /api/v1/api-keys',
    request: (w) => post('/api/v1/api-keys', { name: `khóa ${w.unique()}`, orgId: w.org.own, role: 'connector' }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 201 }),
  },
  {
    route: 'DELETE /api/v1/api-keys/:id',
    request: async (w) => del(`/api/v1/api-keys/${(await w.t.keyFor(w.org.own, 'connector')).id}`),
    expect: row(401, 403, 404, 403, 403, { ownAdmin: 200 }),
  },

  // The directory: every member reads it; an organisation's admin edits its own subtree; the centre restructures.
  { route: 'GET /api/v1/orgs', request: (w) => get(`/api/v1/orgs?parentId=${w.org.own}`), expect: signedIn },
  {
    route: 'POST /api/v1/orgs',
    request: (w) => post('/api/v1/orgs', { name: `Phòng ${w.unique()}`, kind: 'agency', parentId: w.org.own }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 201 }),
  },
  { route: 'GET /api/v1/orgs/:id', request: (w) => get(`/api/v1/orgs/${w.org.own}`), expect: signedIn },
  {
    route: 'PATCH /api/v1/orgs/:id',
    request: (w) => patch(`/api/v1/orgs/${w.org.own}`, { website: 'https://danang.example.vn' }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 200 }),
  },
  {
    route: 'PUT /api/v1/orgs/:id/focal-points',
    request: (w) => put(`/api/v1/orgs/${w.org.own}/focal-points`, {
      focalPoints: [{ name: 'Lê Văn Trực', phone: '0236 555 0148', email: 'truc@danang.example.vn', isPrimary: true }],
    }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 200 }),
  },
  { route: 'GET /api/v1/orgs/:id/history', request: (w) => get(`/api/v1/orgs/${w.org.own}/history`), expect: signedIn },
  // A SOC provider reads its clients' records, so only the client (or the centre) makes the link.
  {
    route: 'POST /api/v1/orgs/:id/soc-clients',
    request: async (w) => post(`/api/v1/orgs/${w.org.soc}/soc-clients`, { clientId: await w.alerts.freshUnit() }),
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 201 }),
  },
  {
    route: 'DELETE /api/v1/orgs/:id/soc-clients/:clientId',
    request: async (w) => {
      const client = await w.alerts.freshUnit();
      await w.t.admin.post(`/api/v1/orgs/${w.org.soc}/soc-clients`, { clientId: client });
      return del(`/api/v1/orgs/${w.org.soc}/soc-clients/${client}`);
    },
    expect: row(401, 403, 403, 403, 403, { ownAdmin: 200 }),
  },
  {
    route: 'POST /api/v1/orgs/:id/move',
    request: async (w) => post(`/api/v1/orgs/${await w.alerts.freshUnit()}/move`, { parentId: w.org.centre }),
    expect: centreOnly(200),
  },
  {
    route: 'POST /api/v1/orgs/:id/merge',
    request: async (w) => post(`/api/v1/orgs/${await w.alerts.freshUnit()}/merge`, { intoId: await w.alerts.freshUnit(), reason: 'sáp nhập' }),
    expect: centreOnly(200),
  },
  {
    route: 'POST /api/v1/orgs/:id/retire',
    request: async (w) => post(`/api/v1/orgs/${await w.alerts.freshUnit()}/retire`, { reason: 'giải thể theo quyết định' }),
    expect: centreOnly(200),
  },

  { route: 'GET /api/v1/provinces', request: () => get('/api/v1/provinces'), expect: signedIn },
  { route: 'GET /api/v1/sectors', request: () => get('/api/v1/sectors'), expect: signedIn },
  {
    route: 'POST /api/v1/sectors',
    request: (w) => post('/api/v1/sectors', { code: `MX_${w.unique().replace(/\W/g, '_').toUpperCase()}`, nameVi: 'Ngành', nameEn: 'Sector' }),
    expect: centreOnly(201),
  },
  {
    route: 'PATCH /api/v1/sectors/:code',
    request: (w) => patch(`/api/v1/sectors/${w.incidents.sectorCode}`, { nameEn: 'Test sector (renamed)' }),
    expect: centreOnly(200),
  },

  // The audit log: an organisation's admins read their own subtree's entries; the centre verifies the chain.
  {
    route: 'GET /api/v1/audit',
    request: () => get('/api/v1/audit?limit=500'),
    expect: row(401, 403, 200, 403, 403, { ownAdmin: 200 }),
    shows: (w) => [w.incidents.id],
  },
  { route: 'GET /api/v1/audit/verify', request: () => get('/api/v1/audit/verify'), expect: centreOnly(200) },
  { route: 'POST /api/v1/audit/verify', request: () => post('/api/v1/audit/verify', { heads: [] }), expect: centreOnly(200) },
  { route: 'GET /api/v1/audit/head', request: () => get('/api/v1/audit/head'), expect: centreOnly(200) },
];
