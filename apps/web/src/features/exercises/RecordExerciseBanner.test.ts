import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import type { AlertDetail, Exercise, IncidentDetail, Me, Permission } from '@lachan/contracts';
import { vi } from '../../i18n/vi.ts';
import { en } from '../../i18n/en.ts';
import { theme } from '../../theme.ts';
import { ME_KEY } from '../auth/auth.api.ts';
import { incidentKeys } from '../incidents/incidents.api.ts';
import { IncidentDetailPage } from '../incidents/detail/IncidentDetailPage.tsx';
import { alertKeys } from '../alerts/alerts.api.ts';
import { AlertDetailPage } from '../alerts/AlertDetailPage.tsx';
import { exerciseKeys } from './exercises.api.ts';
import { ExerciseRecordLinks } from './ExerciseRecordLinks.tsx';
import { RecordExerciseBanner } from './RecordExerciseBanner.tsx';

const EXERCISE_ID = '5b0c0f8e-7d1a-4c7e-9a43-0d6f7e1d2a10';
const INCIDENT_ID = '0e7c2b1a-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
const ALERT_ID = '20261206-4711';
const DRILL_TITLE = 'Ransomware at Bach Mai hospital (drill 12/2026)';

const AT = '2026-12-06T08:00:00.000Z';
const ORG = '22222222-2222-4222-8222-222222222222';

/** The signed-in reader: an analyst of the hospital, who may see exercises or not. */
function reader(mayReadExercises: boolean): Me {
  const permissions: Permission[] = ['incidents.read', 'incidents.write', 'alerts.read', ...(mayReadExercises ? ['exercises.read' as const] : [])];
  return {
    id: '11111111-1111-4111-8111-111111111111', email: 'analyst@bachmai.example.vn', name: 'Analyst', role: 'analyst', locale: 'en',
    org: { id: ORG, name: 'Bệnh viện Bạch Mai', nameEn: 'Bach Mai Hospital', kind: 'agency' }, permissions, stage: 'complete',
    secondFactor: { enabled: false, required: false },
  };
}

const incident = (exerciseId: string | null): IncidentDetail => ({
  id: INCIDENT_ID, number: 42, reference: 'LC-000042', orgId: ORG, orgName: 'Bệnh viện Bạch Mai', title: 'Encrypted HIS servers', severity: 4,
  status: 'new', tlp: 'AMBER', pap: 'AMBER', serious: false, rsitClass: 'malicious-code', rsitType: 'ransomware', source: 'manual', titleCode: null,
  titleParams: null, ruleId: null, relatedIncidentId: null, alertCount: 0, assigneeUserId: null, nextDeadlineAt: null, firstAlertAt: null,
  lastAlertAt: null, discoveredAt: AT, createdAt: AT, updatedAt: AT, exerciseId, description: 'The HIS servers are encrypted.', personalData: false,
  attack: [], affectedAssets: [], affectedSystem: null, systems: [], affectedOrgs: [], observables: [], indicators: [], occurredAt: null,
  beyondCapacity: false, beyondCapacityAt: null, seriousAt: null, acknowledgedAt: null, containedAt: null, eradicatedAt: null, recoveredAt: null,
  responseEndedAt: null, closedAt: null, resolution: null, duplicateOf: null, escalatedAt: null, reportedAt: null, regimes: [], deadlines: [], alerts: [],
  metrics: { timeToDetectSeconds: null, timeToAcknowledgeSeconds: null, timeToContainSeconds: null, timeToResolveSeconds: null },
  access: { profile: 'owner', via: ['owner'], canWrite: true, canManage: true },
});

const alert = (exerciseId: string | null): AlertDetail => ({
  id: ALERT_ID, orgId: ORG, orgName: 'Bệnh viện Bạch Mai', reporterOrgId: ORG, attributed: false, format: 'wazuh', title: 'Ransomware note written',
  severity: 4, rsitClass: null, rsitType: null, product: null, ruleId: null, srcIp: null, dstIp: null, assetHostname: null, sectors: [], provinceCode: null,
  occurrences: 1, eventTime: AT, firstSeen: AT, lastSeen: AT, receivedAt: AT, incidentId: null, falsePositive: null, assigneeUserId: null, exerciseId,
  reporterOrgName: 'Bệnh viện Bạch Mai', sourceId: null, sourceRef: null, description: null, vendor: null, ruleName: null, sourceSeverity: null, attack: [],
  srcPort: null, dstPort: null, protocol: null, assetIp: null, observables: [], indicatorMatches: [], tags: [], raw: '{}', rawLast: null,
});

const exercise: Exercise = {
  id: EXERCISE_ID, scenarioId: '33333333-3333-4333-8333-333333333333', title: DRILL_TITLE, scenarioTitle: { vi: 'Mã độc tống tiền', en: 'Ransomware' },
  organiserOrgId: '44444444-4444-4444-8444-444444444444', status: 'running', speed: 1, scheduledAt: null, startedAt: AT, endedAt: null,
  elapsedMinutes: 5, durationMinutes: 120, teams: [{ orgId: ORG, name: 'Bệnh viện Bạch Mai' }], role: 'team',
};

/** Server-renders a console page at `path` with the data it would have fetched already in the cache. */
function render(path: string, page: ReactElement, cache: [readonly unknown[], unknown][], lng: 'vi' | 'en' = 'en'): string {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const [key, data] of cache) client.setQueryData(key, data);
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng, initAsync: false, interpolation: { escapeValue: false } });
  const route = createElement(Routes, null, createElement(Route, { path: path.replace(/[^/?]+(\?.*)?$/, ':id'), element: page }));
  return renderToString(
    createElement(MantineProvider, { theme },
      createElement(QueryClientProvider, { client },
        createElement(I18nextProvider, { i18n },
          createElement(MemoryRouter, { initialEntries: [path] }, route)))),
  );
}

const incidentPage = (i: IncidentDetail, me: Me, lng: 'vi' | 'en' = 'en') =>
  render(`/incidents/${INCIDENT_ID}`, createElement(IncidentDetailPage), [[ME_KEY, me], [incidentKeys.detail(INCIDENT_ID), i], [exerciseKeys.detail(EXERCISE_ID), exercise]], lng);
const alertPage = (a: AlertDetail, me: Me) =>
  render(`/alerts/${ALERT_ID}`, createElement(AlertDetailPage), [[ME_KEY, me], [alertKeys.detail(ALERT_ID), a], [exerciseKeys.detail(EXERCISE_ID), exercise]]);

describe('the exercise banner on a record of an exercise', () => {
  it('shows on an exercise incident\'s page, naming the exercise and linking to it', () => {
    const html = incidentPage(incident(EXERCISE_ID), reader(true));
    expect(html).toContain('data-testid="incident-detail"');
    expect(html).toContain('data-testid="record-exercise-banner"');
    expect(html).toContain(`EXERCISE · ${DRILL_TITLE}`);
    expect(html).toContain(`href="/exercises/${EXERCISE_ID}"`);
  });

  it('is not on a real incident\'s page', () => {
    const html = incidentPage(incident(null), reader(true));
    expect(html).toContain('Encrypted HIS servers');
    expect(html).not.toContain('record-exercise-banner');
    expect(html).not.toContain('EXERCISE');
  });

  it('still marks the incident as an exercise\'s for a reader who may not see the exercise, without its title or a link', () => {
    const html = incidentPage(incident(EXERCISE_ID), reader(false));
    expect(html).toContain('data-testid="record-exercise-banner"');
    expect(html).toContain('EXERCISE — this record belongs to an exercise');
    expect(html).not.toContain(DRILL_TITLE);
    expect(html).not.toContain('/exercises/');
  });

  it('reads in Vietnamese', () => {
    const html = incidentPage(incident(EXERCISE_ID), reader(true), 'vi');
    expect(html).toContain(`DIỄN TẬP · ${DRILL_TITLE}`);
    expect(html).toContain('Mở diễn tập');
  });

  it('over a list of one exercise\'s records, speaks of the records listed', () => {
    const html = render(`/alerts/x`, createElement(RecordExerciseBanner, { exerciseId: EXERCISE_ID, list: true }), [[ME_KEY, reader(true)], [exerciseKeys.detail(EXERCISE_ID), exercise]]);
    expect(html).toContain(`EXERCISE · ${DRILL_TITLE} — these records belong to that exercise`);
  });

  it('shows on an exercise alert\'s page and not on a real alert\'s', () => {
    expect(alertPage(alert(EXERCISE_ID), reader(true))).toContain(`EXERCISE · ${DRILL_TITLE}`);
    const real = alertPage(alert(null), reader(true));
    expect(real).toContain('Ransomware note written');
    expect(real).not.toContain('record-exercise-banner');
  });
});

describe('links from an exercise to its records', () => {
  const links = (e: Exercise) => render(`/exercises/${e.id}`, createElement(ExerciseRecordLinks, { exercise: e }), [[ME_KEY, { ...reader(true), permissions: ['alerts.read', 'incidents.read', 'warnings.read', 'warnings.ack', 'intel.read', 'exercises.read'] }]]);

  it('open the lists filtered to this one exercise: a team\'s warnings inbox, the white team\'s issued warnings', () => {
    const team = links(exercise);
    for (const path of ['/alerts', '/incidents', '/warnings/inbox', '/intel']) expect(team).toContain(`href="${path}?exerciseId=${EXERCISE_ID}"`);
    const white = links({ ...exercise, role: 'white', status: 'ended' });
    expect(white).toContain(`href="/warnings?exerciseId=${EXERCISE_ID}"`);
    expect(white).not.toContain('/warnings/inbox');
  });

  it('leave out the knowledge of a finished run for a team, which may no longer read it', () => {
    expect(links({ ...exercise, status: 'ended' })).not.toContain('/intel?');
  });
});
