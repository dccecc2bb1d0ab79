import { row, type Method, type Req, type RouteSpec } from './spec.ts';
import { indicator, TAXII } from './world-intel.ts';
import type { World } from './world.ts';

const ACCEPT = { accept: TAXII.accept };
const taxii = (method: Method, url: string, body?: unknown): Req => ({ method, url, ...(body ? { body, headers: TAXII } : { headers: ACCEPT }) });
const collection = (w: World) => `/taxii2/lachan/collections/${w.intel.collectionId}`;
/** A collection the other organisation holds no grant on is not there for it (404, TAXII's own error shape). */
const onOwn = (ownStatus: number, extra = {}) => row(401, 404, 404, 404, ownStatus, extra);

/** TAXII 2.1 over the own organisation's collection (granted to it alone). */
export const TAXII_ROUTES: RouteSpec[] = [
  { route: 'GET /taxii2', taxii: true, request: () => taxii('GET', '/taxii2/'), expect: row(401, 200, 200, 200, 200) },
  { route: 'GET /taxii2/:root/', taxii: true, request: () => taxii('GET', '/taxii2/lachan/'), expect: row(401, 200, 200, 200, 200) },
  {
    route: 'GET /taxii2/:root/collections/', taxii: true,
    request: () => taxii('GET', '/taxii2/lachan/collections/'),
    expect: row(401, 200, 200, 200, 200),
    shows: (w) => [w.intel.collectionId],
  },
  {
    route: 'GET /taxii2/:root/status/:sid/', taxii: true,
    request: (w) => taxii('GET', `/taxii2/lachan/status/${w.intel.statusId}/`),
    expect: onOwn(200),
  },
  { route: 'GET /taxii2/:root/collections/:cid/', taxii: true, request: (w) => taxii('GET', `${collection(w)}/`), expect: onOwn(200) },
  {
    route: 'GET /taxii2/:root/collections/:cid/manifest/', taxii: true,
    request: (w) => taxii('GET', `${collection(w)}/manifest/`),
    expect: onOwn(200),
    shows: (w) => [w.intel.taxiiObjectId],
  },
  {
    route: 'GET /taxii2/:root/collections/:cid/objects/', taxii: true,
    request: (w) => taxii('GET', `${collection(w)}/objects/`),
    expect: onOwn(200),
    shows: (w) => [w.intel.taxiiObjectId],
  },
  {
    route: 'POST /taxii2/:root/collections/:cid/objects/', taxii: true,
    request: (w) => taxii('POST', `${collection(w)}/objects/`, { objects: [indicator(`C2 ${w.unique()}`, '100.200.113.53', 'AMBER')] }),
    expect: onOwn(202, { ownKey: 202 }),
  },
  {
    route: 'GET /taxii2/:root/collections/:cid/objects/:oid/', taxii: true,
    request: (w) => taxii('GET', `${collection(w)}/objects/${w.intel.taxiiObjectId}/`),
    expect: onOwn(200),
  },
  {
    route: 'GET /taxii2/:root/collections/:cid/objects/:oid/versions/', taxii: true,
    request: (w) => taxii('GET', `${collection(w)}/objects/${w.intel.taxiiObjectId}/versions/`), expect: onOwn(200),
  },
  {
    route: 'DELETE /taxii2/:root/collections/:cid/objects/:oid/', taxii: true,
    request: async (w) => taxii('DELETE', `${collection(w)}/objects/${await w.intel.freshTaxiiObject()}/`), expect: onOwn(200),
  },
];
