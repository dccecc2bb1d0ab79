export { ReferenceService } from './reference.service.ts';
export { referenceRoutes } from './reference.routes.ts';
export { PROVINCES } from './provinces.data.ts';
export { SECTORS } from './sectors.data.ts';
