import { sql } from 'kysely';
import type { WarningPolicy, WarningPolicyCreate } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { WarningsParts } from './warnings-parts.ts';
import { warningsPolicy } from './warnings.policy.ts';

type Row = { id: string; min_severity: number; sector_code: string | null; auto_issue: boolean };
const present = (r: Row): WarningPolicy => ({ id: r.id, minSeverity: r.min_severity, sectorCode: r.sector_code, autoIssue: r.auto_issue });

/** Issue policies (data): proposals at or above a severity, optionally for one sector, are issued at once. The centre sets them. */
export class WarningPoliciesService {
  #p: Pick<WarningsParts, 'db' | 'relay'>;
  constructor(parts: Pick<WarningsParts, 'db' | 'relay'>) {
    this.#p = parts;
  }

  async list(ctx: RequestContext): Promise<WarningPolicy[]> {
    if (!warningsPolicy.isCentre(ctx)) throw forbidden('issue policies are the centre\'s');
    return (await sql<Row>`select * from warning_policies order by min_severity`.execute(this.#p.db)).rows.map(present);
  }

  async create(ctx: RequestContext, b: WarningPolicyCreate): Promise<WarningPolicy> {
    if (!warningsPolicy.isCentre(ctx)) throw forbidden('issue policies are the centre\'s');
    return transact(this.#p, async (tx) => {
      const row = (await sql<Row>`insert into warning_policies (min_severity, sector_code, auto_issue) values (${b.minSeverity}, ${b.sectorCode ?? null}, ${b.autoIssue}) returning *`.execute(tx)).rows[0]!;
      await recordChange(tx, ctx, { action: 'warning_policy.create', entityType: 'warning_policy', entityId: row.id, orgId: null, after: b });
      return present(row);
    });
  }

  /** Removes a policy: proposals it covered wait for a coordinator again. */
  async remove(ctx: RequestContext, id: string): Promise<WarningPolicy> {
    if (!warningsPolicy.isCentre(ctx)) throw forbidden('issue policies are the centre\'s');
    return transact(this.#p, async (tx) => {
      const row = (await sql<Row>`delete from warning_policies where id = ${id} returning *`.execute(tx)).rows[0];
      if (!row) throw notFound('warning policy');
      await recordChange(tx, ctx, { action: 'warning_policy.delete', entityType: 'warning_policy', entityId: id, orgId: null, before: present(row) });
      return present(row);
    });
  }
}
