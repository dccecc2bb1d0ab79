import type { RouteSpec } from './spec.ts';
import { ACCOUNT_ROUTES } from './routes-account.ts';
import { ALERT_ROUTES } from './routes-alerts.ts';
import { COLLAB_ROUTES } from './routes-collab.ts';
import { DIRECTORY_ROUTES } from './routes-directory.ts';
import { DOCUMENT_ROUTES } from './routes-documents.ts';
import { INCIDENT_ROUTES } from './routes-incidents.ts';
import { INTEL_ROUTES } from './routes-intel.ts';
import { SECOND_FACTOR_ROUTES } from './routes-second-factor.ts';
import { SETTINGS_ROUTES } from './routes-settings.ts';
import { TAXII_ROUTES } from './routes-taxii.ts';
import { TRIAGE_ROUTES } from './routes-triage.ts';
import { WARNING_ROUTES } from './routes-warnings.ts';
import { CONSTITUENCY_ROUTES } from './routes-constituency.ts';
import { REGISTRY_ROUTES } from './routes-registry.ts';
import { ASSESSMENT_ROUTES } from './routes-assessments.ts';
import { EXERCISE_ROUTES } from './routes-exercises.ts';
import { FEDERATION_ROUTES } from './routes-federation.ts';

/** Every row of the isolation matrix, area by area (lists before the rows that add to them). */
export const ROUTES: RouteSpec[] = [
  ...DIRECTORY_ROUTES, ...SECOND_FACTOR_ROUTES, ...ALERT_ROUTES, ...INCIDENT_ROUTES, ...TRIAGE_ROUTES, ...COLLAB_ROUTES, ...INTEL_ROUTES, ...TAXII_ROUTES, ...WARNING_ROUTES,
  ...CONSTITUENCY_ROUTES,
  ...REGISTRY_ROUTES, ...ASSESSMENT_ROUTES, ...DOCUMENT_ROUTES, ...ACCOUNT_ROUTES, ...SETTINGS_ROUTES, ...EXERCISE_ROUTES,
  ...FEDERATION_ROUTES,
];
