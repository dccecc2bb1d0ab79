import type { TransactionParts } from '../events/index.ts';
import type { ModuleRoutes } from '../../common/module-parts.ts';
import { ReferenceService } from './reference.service.ts';
import { referenceRoutes } from './reference.routes.ts';

export { ReferenceService } from './reference.service.ts';
export { referenceRoutes } from './reference.routes.ts';
export { PROVINCES } from './provinces.data.ts';
export { SECTORS } from './sectors.data.ts';

/** The reference module: provinces and sectors, and their routes. */
export interface ReferenceModule {
  reference: ReferenceService;
  routes: ModuleRoutes;
}

/** Builds the reference module from its database and relay. */
export function createReferenceModule(parts: TransactionParts): ReferenceModule {
  const reference = new ReferenceService(parts);
  const routes: ModuleRoutes = async (app) => {
    referenceRoutes(app, reference);
  };
  return { reference, routes };
}
