import type { RouteSpec } from './spec.ts';
import { ALERT_ROUTES } from './routes-alerts.ts';
import { COLLAB_ROUTES } from './routes-collab.ts';
import { DIRECTORY_ROUTES } from './routes-directory.ts';
import { INCIDENT_ROUTES } from './routes-incidents.ts';
import { INTEL_ROUTES } from './routes-intel.ts';
import { SECOND_FACTOR_ROUTES } from './routes-second-factor.ts';
import { TAXII_ROUTES } from './routes-taxii.ts';
import { TRIAGE_ROUTES } from './routes-triage.ts';
import { WARNING_ROUTES } from './routes-warnings.ts';
import { EXERCISE_ROUTES } from './routes-exercises.ts';

/** Every row of the isolation matrix, area by area (lists before the rows that add to them). */
export const ROUTES: RouteSpec[] = [
  ...DIRECTORY_ROUTES, ...SECOND_FACTOR_ROUTES, ...ALERT_ROUTES, ...INCIDENT_ROUTES, ...TRIAGE_ROUTES, ...COLLAB_ROUTES, ...INTEL_ROUTES, ...TAXII_ROUTES, ...WARNING_ROUTES, ...EXERCISE_ROUTES,
];
