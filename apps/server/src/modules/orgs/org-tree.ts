import type { Kysely } from 'kysely';
import type { Role } from '@lachan/contracts';
import { withDbPriority, type DB } from '../../db/index.ts';
import type { OrgScope } from '../../core/context.ts';

interface Node {
  parentId: string | null;
  mergedIntoId: string | null;
  status: string;
  kind: string;
  provinceCode: string | null;
  sectors: string[];
}

/** What an alert inherits from the organisation it is attributed to. */
export interface OrgProfile {
  kind: string;
  provinceCode: string | null;
  sectors: string[];
}

/**
 * The organisation hierarchy held in memory (thousands of rows at most), rebuilt from the database
 * whenever an organisation event is seen. It answers which organisations an actor reaches.
 */
export class OrgTree {
  #db: Kysely<DB>;
  #nodes: Map<string, Node> | null = null;
  #children = new Map<string, string[]>();
  #socClients = new Map<string, string[]>();
  #scopes = new Map<string, OrgScope>();
  #loading: Promise<void> | null = null;

  constructor(db: Kysely<DB>) {
    this.#db = db;
  }

  invalidate(): void {
    this.#nodes = null;
    this.#scopes.clear();
  }

  async ensure(): Promise<void> {
    if (this.#nodes) return;
    // Shared by every waiter (urgent ones too): loaded ahead of bulk work, whoever asked first.
    this.#loading ??= withDbPriority('urgent', () => this.#load()).finally(() => (this.#loading = null));
    await this.#loading;
  }

  async #load(): Promise<void> {
    const [orgs, links, sectors] = await Promise.all([
      this.#db.selectFrom('organizations').select(['id', 'parent_id', 'merged_into_id', 'status', 'kind', 'province_code']).execute(),
      this.#db.selectFrom('soc_links').select(['provider_id', 'client_id']).execute(),
      this.#db.selectFrom('org_sectors').select(['org_id', 'sector_code']).orderBy('sector_code').execute(),
    ]);
    const sectorsOf = new Map<string, string[]>();
    for (const s of sectors) (sectorsOf.get(s.org_id) ?? sectorsOf.set(s.org_id, []).get(s.org_id)!).push(s.sector_code);
    const nodes = new Map<string, Node>();
    const children = new Map<string, string[]>();
    const push = (m: Map<string, string[]>, k: string, v: string) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
    for (const o of orgs) {
      nodes.set(o.id, { parentId: o.parent_id, mergedIntoId: o.merged_into_id, status: o.status, kind: o.kind, provinceCode: o.province_code, sectors: sectorsOf.get(o.id) ?? [] });
      // A merged unit hangs under the organisation it was merged into, not its old parent.
      const up = o.merged_into_id ?? o.parent_id;
      if (up) push(children, up, o.id);
    }
    const soc = new Map<string, string[]>();
    for (const l of links) push(soc, l.provider_id, l.client_id);
    this.#children = children;
    this.#socClients = soc;
    this.#scopes.clear();
    this.#nodes = nodes;
  }

  /** The organisation, its units (recursively) and every organisation merged into any of them. */
  subtree(orgId: string): Set<string> {
    const out = new Set<string>();
    const stack = [orgId];
    while (stack.length) {
      const id = stack.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      for (const c of this.#children.get(id) ?? []) stack.push(c);
    }
    return out;
  }

  /** Ancestors from the parent up to the root (merged units count their new home as parent). */
  ancestors(orgId: string): string[] {
    const out: string[] = [];
    let cur = this.#nodes?.get(orgId);
    const seen = new Set([orgId]);
    while (cur) {
      const up = cur.mergedIntoId ?? cur.parentId;
      if (!up || seen.has(up)) break;
      seen.add(up);
      out.push(up);
      cur = this.#nodes?.get(up);
    }
    return out;
  }

  /** Kind, province and sectors of an organisation (call `ensure()` first). */
  profile(orgId: string): OrgProfile | null {
    const n = this.#nodes?.get(orgId);
    return n ? { kind: n.kind, provinceCode: n.provinceCode, sectors: n.sectors } : null;
  }

  /** Active organisations of a sector with their province (call `ensure()` first). */
  inSector(sector: string): { id: string; provinceCode: string | null }[] {
    const out: { id: string; provinceCode: string | null }[] = [];
    for (const [id, n] of this.#nodes ?? []) if (n.status === 'active' && !n.mergedIntoId && n.sectors.includes(sector)) out.push({ id, provinceCode: n.provinceCode });
    return out;
  }

  /** Active organisations of a province (call `ensure()` first). */
  inProvince(code: string): { id: string; provinceCode: string | null }[] {
    const out: { id: string; provinceCode: string | null }[] = [];
    for (const [id, n] of this.#nodes ?? []) if (n.status === 'active' && !n.mergedIntoId && n.provinceCode === code) out.push({ id, provinceCode: n.provinceCode });
    return out;
  }

  exists(orgId: string): boolean {
    return this.#nodes?.has(orgId) ?? false;
  }

  /** The scope of an actor of `orgId` holding `role` (call `ensure()` first). */
  scopeFor(orgId: string, role: Role): OrgScope {
    const key = `${orgId}|${role}`;
    const cached = this.#scopes.get(key);
    if (cached) return cached;
    const manage = this.subtree(orgId);
    const read = new Set(manage);
    for (const id of manage) for (const client of this.#socClients.get(id) ?? []) for (const c of this.subtree(client)) read.add(c);
    const scope: OrgScope = { all: role === 'national_coordinator', manage, read };
    this.#scopes.set(key, scope);
    return scope;
  }
}
