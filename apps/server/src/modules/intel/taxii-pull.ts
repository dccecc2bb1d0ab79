import { fetchRemote } from './remote-fetch.ts';

/** Where to pull from and how to sign in; `addedAfter` is the cursor of the previous pull. */
export interface TaxiiSource {
  apiRoot: string;
  collectionId: string;
  authorization: string | null;
  addedAfter: string | null;
  pageSize: number;
}

/** One page as received: its objects and the X-TAXII-Date-Added-Last the next pull starts after. */
export interface TaxiiPage { objects: unknown[]; dateAddedLast: string | null }

const ACCEPT = 'application/taxii+json;version=2.1';

/** Basic (user:password) or Bearer credentials as an Authorization header value. */
export function authorizationHeader(auth: { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string }): string {
  return auth.kind === 'basic' ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` : `Bearer ${auth.token}`;
}

/**
 * The pages of a TAXII 2.1 collection's objects added after the cursor, as the client loop of the
 * specification reads them: while `more`, repeat the same query with `next`, or without `next` with
 * `added_after` = the page's X-TAXII-Date-Added-Last.
 */
export async function* pullPages(src: TaxiiSource, allowedHosts: readonly string[]): AsyncGenerator<TaxiiPage> {
  const base = new URL(`collections/${encodeURIComponent(src.collectionId)}/objects/`, src.apiRoot.endsWith('/') ? src.apiRoot : `${src.apiRoot}/`);
  let addedAfter = src.addedAfter;
  let next: string | null = null;
  for (;;) {
    const url = new URL(base);
    url.searchParams.set('limit', String(src.pageSize));
    if (addedAfter) url.searchParams.set('added_after', addedAfter);
    if (next) url.searchParams.set('next', next);
    const res = await fetchRemote(url.toString(), allowedHosts, { accept: ACCEPT, ...(src.authorization ? { authorization: src.authorization } : {}) });
    // TAXII 2.1 clients check the answer's media type: a login page or proxy error is not a page of objects.
    if (!(res.headers.get('content-type') ?? '').startsWith('application/taxii+json')) throw new Error(`${url.origin}${url.pathname}: not a TAXII answer (${res.headers.get('content-type') ?? 'no content type'})`);
    const env = (await res.json()) as { more?: boolean; next?: string; objects?: unknown[] };
    const last = res.headers.get('x-taxii-date-added-last');
    yield { objects: Array.isArray(env.objects) ? env.objects : [], dateAddedLast: last };
    if (env.more !== true) return;
    if (typeof env.next === 'string' && env.next !== '') next = env.next;
    else if (last && last !== addedAfter) [addedAfter, next] = [last, null];
    else return;
  }
}
