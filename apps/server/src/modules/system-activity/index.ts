export { SystemActivityService } from './system-activity.service.ts';
export { systemActivityRoutes } from './system-activity.routes.ts';
