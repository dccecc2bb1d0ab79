import type { Province, Sector, SectorCreate, SectorPatch } from '@lachan/contracts';
import { recordChange, transact, type TransactionParts } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, notFound } from '../../core/errors.ts';
import { referenceRepository } from './reference.repository.ts';
import { PROVINCES } from './provinces.data.ts';
import { SECTORS } from './sectors.data.ts';

/** Provinces and sectors. Sectors are data: the centre adds, renames and retires them. */
export class ReferenceService {
  #p: TransactionParts;
  constructor(parts: TransactionParts) {
    this.#p = parts;
  }

  provinces(): Promise<Province[]> {
    return referenceRepository.provinces(this.#p.db);
  }

  sectors(): Promise<Sector[]> {
    return referenceRepository.sectors(this.#p.db);
  }

  async createSector(ctx: RequestContext, body: SectorCreate): Promise<Sector> {
    requirePermission(ctx, 'reference.manage');
    const sector: Sector = { code: body.code, nameVi: body.nameVi, nameEn: body.nameEn, statutory: body.statutory ?? false, active: true };
    return transact(this.#p, async (tx) => {
      if (await referenceRepository.sector(tx, body.code)) throw conflict(`sector ${body.code} already exists`);
      await referenceRepository.insertSector(tx, sector);
      await recordChange(tx, ctx, { action: 'sector.create', entityType: 'sector', entityId: sector.code, orgId: null, after: sector, event: { type: 'sector.changed', audience: { all: true }, data: sector } });
      return sector;
    });
  }

  async updateSector(ctx: RequestContext, code: string, patch: SectorPatch): Promise<Sector> {
    requirePermission(ctx, 'reference.manage');
    return transact(this.#p, async (tx) => {
      const before = await referenceRepository.sector(tx, code);
      if (!before) throw notFound('sector');
      await referenceRepository.updateSector(tx, code, patch);
      const after = (await referenceRepository.sector(tx, code))!;
      await recordChange(tx, ctx, { action: 'sector.update', entityType: 'sector', entityId: code, orgId: null, before, after, event: { type: 'sector.changed', audience: { all: true }, data: after } });
      return after;
    });
  }

  /** Adds the shipped provinces and sectors that are not in the database yet. */
  seed(): Promise<void> {
    return referenceRepository.seedMissing(this.#p.db, PROVINCES, SECTORS);
  }
}
