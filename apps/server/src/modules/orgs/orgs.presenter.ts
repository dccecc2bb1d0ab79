import type { Organization, OrgSummary, SocLink } from '@lachan/contracts';
import type { OrgRow } from './orgs.repository.ts';
import type { FocalPointRow, SocLinkRow } from './org-links.repository.ts';

/** One line of the directory. */
export const presentOrgSummary = (r: OrgRow): OrgSummary => ({
  id: r.id,
  name: r.name,
  nameEn: r.name_en,
  shortName: r.short_name,
  kind: r.kind as OrgSummary['kind'],
  parentId: r.parent_id,
  provinceCode: r.province_code,
  sectors: r.sectors,
  status: r.status,
  mergedIntoId: r.merged_into_id,
});

const presentSocLink = (l: SocLinkRow): SocLink => ({
  providerId: l.provider_id,
  providerName: l.provider_name,
  clientId: l.client_id,
  clientName: l.client_name,
  services: l.services,
  since: l.since.toISOString().slice(0, 10),
});

/** The full record of an organisation. */
export function presentOrganization(
  r: OrgRow,
  more: { focalPoints: FocalPointRow[]; providers: SocLinkRow[]; clients: SocLinkRow[]; mergedFrom: { id: string; name: string }[] },
): Organization {
  return {
    ...presentOrgSummary(r),
    securityLevel: r.security_level,
    website: r.website,
    incidentReceptionEmail: r.incident_reception_email,
    address: r.address,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    focalPoints: more.focalPoints.map((f) => ({ id: f.id, name: f.name, position: f.position, phone: f.phone, email: f.email, available247: f.available_247, isPrimary: f.is_primary })),
    socProviders: more.providers.map(presentSocLink),
    socClients: more.clients.map(presentSocLink),
    mergedFrom: more.mergedFrom,
  };
}
