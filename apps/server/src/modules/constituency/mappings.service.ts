import type { ConstituencyMapping, ConstituencyMappingCreate, ConstituencyMappingUpdate } from '@lachan/contracts';
import { normaliseRsit } from '@lachan/parsers';
import type { RequestContext } from '../../core/context.ts';
import { recordChange, transact, type TransactionParts } from '../events/index.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { constituencyPolicy as policy } from './constituency.policy.ts';
import { mappingsRepository } from './mappings.repository.ts';
import { presentMapping } from './constituency.presenter.ts';

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * Why a mapping cannot be used, or null: it must name where the host is (ip, domain, url or hostname)
 * and where the time is, no column twice, an RSIT v1003 class and type (or none), a real time zone.
 */
export function mappingProblem(m: ConstituencyMappingCreate): string | null {
  const cols = Object.entries(m.columns).filter(([, c]) => c !== undefined) as [string, string][];
  if (!cols.some(([f]) => ['ip', 'domain', 'url', 'hostname'].includes(f))) return 'columns must name where the host is: ip, domain, url or hostname';
  if (m.columns.time === undefined) return 'columns must name the time column (time)';
  const names = cols.map(([, c]) => c.trim().toLowerCase());
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) return `column "${twice}" is mapped to two fields`;
  if (names.some((n) => n === '')) return 'a column name is empty';
  if (m.rsitClass !== null || m.rsitType !== null) {
    const r = normaliseRsit(m.rsitClass, m.rsitType);
    if (r.rsitClass === null || (m.rsitType !== null && r.rsitType === null)) return 'rsitClass and rsitType must be an RSIT v1003 class and one of its types';
  }
  if (!isZone(m.timeZone)) return `"${m.timeZone}" is not an IANA time zone`;
  return null;
}

/** The centre's CSV mappings: data, validated, audited; only the centre's coordinators define them. */
export class ConstituencyMappings {
  #p: TransactionParts;

  constructor(parts: TransactionParts) {
    this.#p = parts;
  }

  async list(ctx: RequestContext): Promise<ConstituencyMapping[]> {
    if (!policy.mayManageMappings(ctx)) throw forbidden('CSV mappings are the national centre\'s');
    return (await mappingsRepository.list(this.#p.db, null)).map(presentMapping);
  }

  async create(ctx: RequestContext, input: ConstituencyMappingCreate): Promise<ConstituencyMapping> {
    if (!policy.mayManageMappings(ctx)) throw forbidden('CSV mappings are the national centre\'s');
    const body = withoutBlanks(input);
    const problem = mappingProblem(body);
    if (problem) throw invalid(problem);
    return transact(this.#p, async (tx) => {
      if (await mappingsRepository.nameTaken(tx, ctx.actor.orgId, body.name, null)) throw conflict('a mapping of that name exists');
      const row = await mappingsRepository.insert(tx, ctx.actor.orgId, body);
      await recordChange(tx, ctx, { action: 'constituency_mapping.create', entityType: 'constituency_mapping', entityId: row.id, orgId: ctx.actor.orgId, after: body });
      return presentMapping(row);
    });
  }

  async update(ctx: RequestContext, id: string, body: ConstituencyMappingUpdate): Promise<ConstituencyMapping> {
    if (!policy.mayManageMappings(ctx)) throw forbidden('CSV mappings are the national centre\'s');
    return transact(this.#p, async (tx) => {
      const before = await mappingsRepository.byId(tx, id);
      if (!before) throw notFound('mapping');
      const next = withoutBlanks({ ...stripped(presentMapping(before)), ...body });
      const problem = mappingProblem(next);
      if (problem) throw invalid(problem);
      if (await mappingsRepository.nameTaken(tx, before.org_id, next.name, id)) throw conflict('a mapping of that name exists');
      const row = await mappingsRepository.update(tx, id, next);
      await recordChange(tx, ctx, { action: 'constituency_mapping.update', entityType: 'constituency_mapping', entityId: id, orgId: before.org_id, before: stripped(presentMapping(before)), after: next });
      return presentMapping(row);
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<ConstituencyMapping> {
    if (!policy.mayManageMappings(ctx)) throw forbidden('CSV mappings are the national centre\'s');
    return transact(this.#p, async (tx) => {
      const before = await mappingsRepository.byId(tx, id);
      if (!before) throw notFound('mapping');
      await mappingsRepository.remove(tx, id);
      await recordChange(tx, ctx, { action: 'constituency_mapping.delete', entityType: 'constituency_mapping', entityId: id, orgId: before.org_id, before: stripped(presentMapping(before)) });
      return presentMapping(before);
    });
  }
}

/** An empty RSIT class or type (a cleared form field; the validator also turns null into "") is none. */
function withoutBlanks(m: ConstituencyMappingCreate): ConstituencyMappingCreate {
  return { ...m, rsitClass: m.rsitClass || null, rsitType: m.rsitType || null };
}

function stripped(m: ConstituencyMapping): ConstituencyMappingCreate {
  const { name, reportType, delimiter, columns, rsitClass, rsitType, severity, timeZone } = m;
  return { name, reportType, delimiter, columns, rsitClass, rsitType, severity, timeZone };
}
