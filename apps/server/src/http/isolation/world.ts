import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '@lachan/contracts';
import { createTestApp, type Caller, type TestApp } from '../../testing/harness.ts';
import type { CallerName } from './spec.ts';
import { addAlerts, type AlertsPart } from './world-alerts.ts';
import { addIncidents, type IncidentsPart } from './world-incidents.ts';
import { addIntel, type IntelPart } from './world-intel.ts';
import { addWarnings, type WarningsPart } from './world-warnings.ts';
import { addConstituency, type ConstituencyPart } from './world-constituency.ts';

/** The organisation whose resources every cell acts on, and the one whose members try. */
export const OWN_ORG = 'prov-48';
export const OTHER_ORG = 'prov-79';
export const PASSWORD = 'a-long-test-password';
const MISP_ROOT = fileURLToPath(new URL('../../../../../fixtures/public/misp', import.meta.url));

/** Everything the matrix acts on: the callers, the organisations and the own organisation's resources. */
export interface World {
  t: TestApp;
  callers: Record<CallerName, Caller>;
  /** E-mail and account id of each signed-in caller (to sign in again for a fresh session). */
  emails: Partial<Record<CallerName, string>>;
  userIds: Partial<Record<CallerName, string>>;
  keyIds: { ownKey: string; otherKey: string };
  /** An account of the centre whose only use is signing in (the public sign-in route's cell). */
  probeEmail: string;
  org: { own: string; other: string; centre: string; rtBank: string; rtSouth: string; soc: string };
  /** Written into every confidential own resource; another organisation's answer must never carry it. */
  marker: string;
  /** Written into the own resources that are CLEAR or shared with the other organisation. */
  sharedMarker: string;
  /** The marker and the ids of the own organisation's confidential resources. */
  secrets: string[];
  /** The outbox position before the world was built (the event stream replays from there). */
  startEventId: string;
  alerts: AlertsPart;
  incidents: IncidentsPart;
  intel: IntelPart;
  warnings: WarningsPart;
  constituency: ConstituencyPart;
  /** A unique suffix for names and values that must not collide. */
  unique(): string;
}

/** The JSON of a response after checking its status (setup steps fail loudly, naming the answer). */
export function must<T = Record<string, string>>(res: LightMyRequestResponse, status: number): T {
  expect(res.statusCode, `${res.statusCode} ${res.body}`).toBe(status);
  return (res.body ? res.json() : {}) as T;
}

let seq = 0;

/** Builds the app once, the callers, then each area's own resources. */
export async function buildWorld(): Promise<World> {
  const t = await createTestApp({ webhookAllowedHosts: ['127.0.0.1'], intelFeedRoot: MISP_ROOT });
  const startEventId = t.platform.relay.cursor;
  const users = {
    otherAnalyst: await t.userIn(OTHER_ORG, 'analyst'),
    otherAdmin: await t.userIn(OTHER_ORG, 'org_admin'),
    ownAnalyst: await t.userIn(OWN_ORG, 'analyst'),
    ownAdmin: await t.userIn(OWN_ORG, 'org_admin'),
    centre: await t.userIn('ncc', 'national_coordinator'),
  };
  const keys = { otherKey: await t.keyFor(OTHER_ORG, 'connector'), ownKey: await t.keyFor(OWN_ORG, 'connector') };
  const callers: Record<CallerName, Caller> = { ...users, ...keys, anonymous: t.anonymous };
  const rand = Math.random().toString(36).slice(2, 8);
  const w = {
    t, callers, startEventId,
    emails: Object.fromEntries(Object.entries(users).map(([name, u]) => [name, u.email])),
    userIds: Object.fromEntries(Object.entries(users).map(([name, u]) => [name, u.id])),
    keyIds: { ownKey: keys.ownKey.id, otherKey: keys.otherKey.id },
    probeEmail: (await t.userIn('ncc', 'viewer')).email,
    org: {
      own: await t.org(OWN_ORG), other: await t.org(OTHER_ORG), centre: await t.org('ncc'),
      rtBank: await t.org('rt-bank'), rtSouth: await t.org('rt-south'), soc: await t.org('soc-canhcung'),
    },
    marker: `matrix-secret-${rand}`,
    sharedMarker: `matrix-shared-${rand}`,
    secrets: [] as string[],
    unique: () => `${rand}-${++seq}`,
  } as World;
  w.secrets.push(w.marker, keys.ownKey.id, users.ownAnalyst.id, users.ownAdmin.id);
  w.alerts = await addAlerts(w);
  w.incidents = await addIncidents(w);
  w.intel = await addIntel(w);
  w.warnings = await addWarnings(w);
  w.constituency = await addConstituency(w);
  return w;
}

/** Where each signed-in caller's account lives, to make another like it. */
const ACCOUNT: Partial<Record<CallerName, [string, Exclude<Role, 'connector'>]>> = {
  otherAnalyst: [OTHER_ORG, 'analyst'], otherAdmin: [OTHER_ORG, 'org_admin'], ownAnalyst: [OWN_ORG, 'analyst'], ownAdmin: [OWN_ORG, 'org_admin'],
  centre: ['ncc', 'national_coordinator'],
};

/** The caller with a session of its own for this cell (signing out must not end the matrix's sessions). */
export async function freshSession(w: World, who: CallerName): Promise<Caller> {
  const email = w.emails[who];
  return email ? w.t.login(email, PASSWORD) : w.callers[who];
}

/** A new account like the caller's (same organisation and role), for cells that change the account itself. */
export async function freshUser(w: World, who: CallerName): Promise<Caller> {
  const account = ACCOUNT[who];
  return account ? w.t.userIn(...account) : w.callers[who];
}

/** The credentials of the sign-in probe account. */
export const loginProbe = (w: World) => ({ email: w.probeEmail, password: PASSWORD });
