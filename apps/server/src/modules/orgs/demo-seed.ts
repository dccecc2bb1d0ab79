import type { RequestContext } from '../../core/context.ts';
import { recordChange, transact } from '../events/index.ts';
import { buildDemoNetwork } from './demo-network.ts';
import { orgsRepository } from './orgs.repository.ts';
import { orgLinksRepository } from './org-links.repository.ts';
import { loadOrganization, type OrgsParts } from './orgs.service.ts';

/**
 * Loads the fictional national network (one transaction, idempotent by demo key): organisations in
 * parent-first order, their sectors and 24/7 focal points, then the SOC-provider links.
 */
export async function seedDemoNetwork(parts: OrgsParts, ctx: RequestContext): Promise<{ created: number; rootId: string }> {
  const network = buildDemoNetwork();
  const result = await transact(parts, async (tx) => {
    const existing = await tx.selectFrom('organizations').select(['id', 'demo_key']).where('demo_key', 'is not', null).execute();
    const ids = new Map(existing.map((e) => [e.demo_key!, e.id]));
    let created = 0;
    for (const o of network) {
      if (ids.has(o.key)) continue;
      const id = await orgsRepository.insert(tx, {
        name: o.name, nameEn: o.nameEn, shortName: o.shortName, kind: o.kind, parentId: o.parentKey ? ids.get(o.parentKey)! : null,
        provinceCode: o.provinceCode, securityLevel: o.securityLevel, website: o.website, incidentReceptionEmail: o.incidentReceptionEmail,
        address: o.address, demoKey: o.key,
      });
      ids.set(o.key, id);
      await orgsRepository.setSectors(tx, id, o.sectors);
      await orgLinksRepository.replaceFocalPoints(tx, id, o.focalPoints);
      await recordChange(tx, ctx, { action: 'org.create', entityType: 'org', entityId: id, orgId: id, after: await loadOrganization(tx, id) });
      created++;
    }
    for (const o of network) {
      for (const client of o.socClientKeys) await orgLinksRepository.addSocLink(tx, ids.get(o.key)!, ids.get(client)!, ['monitoring', 'incident-response'], '2025-07-01');
    }
    const root = network.find((o) => o.parentKey === null)!;
    return { created, rootId: ids.get(root.key)! };
  });
  parts.orgTree.invalidate();
  return result;
}
