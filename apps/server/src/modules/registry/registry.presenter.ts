import type { InformationSystem, SystemSummary } from '@lachan/contracts';
import type { SummaryRow, SystemAssetRow, SystemRefRow, SystemRow } from './systems.repository.ts';

const ref = (r: SystemRefRow) => ({ id: r.id, name: r.name, orgId: r.org_id, securityLevel: r.security_level });

/** The full record of a system with its assets and both directions of its dependencies. */
export function presentSystem(r: SystemRow, assets: SystemAssetRow[], deps: { dependsOn: SystemRefRow[]; dependents: SystemRefRow[] }): InformationSystem {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    description: r.description,
    operatorOrgId: r.operator_org_id,
    operatorName: r.operator_name,
    functionType: r.function_type as InformationSystem['functionType'],
    dataClasses: r.data_classes as InformationSystem['dataClasses'],
    usersServed: r.users_served,
    securityLevel: r.security_level,
    approval: r.approval_number && r.approval_date && r.approver ? { number: r.approval_number, date: r.approval_date, approver: r.approver } : null,
    critical: r.critical,
    status: r.status,
    assets: assets.map((a) => ({ id: a.id, kind: a.kind, value: a.value })),
    dependsOn: deps.dependsOn.map(ref),
    dependents: deps.dependents.map(ref),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export const presentSummary = (r: SummaryRow): SystemSummary => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, name: r.name, functionType: r.function_type, securityLevel: r.security_level,
  critical: r.critical, status: r.status, assetCount: r.asset_count,
});
