/**
 * bench:exercise — a national exercise on a real server process (embedded engine): 34 teams (the
 * provinces), a scenario of 200 injects over --minutes scenario minutes at --speed (alerts through the
 * ingest path, centre warnings, messages). Measures how late each inject reaches each team against the
 * moment scenario time reached it (p99), and how long after a team's action (a warning acknowledged)
 * the white team's scoreboard shows it. Options: --minutes N --speed N --trials N
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import type { Exercise, InboxItem, Inject, Scenario, ScenarioDocument, Scoreboard } from '@lachan/contracts';
import { ADMIN_PASSWORD, apiSession, startServer } from '../apps/server/src/testing/server-process.ts';
import { pct } from './support.ts';

const { values: opt } = parseArgs({ options: { minutes: { type: 'string', default: '60' }, speed: { type: 'string', default: '60' }, trials: { type: 'string', default: '20' } } });
const MINUTES = Number(opt.minutes);
const SPEED = Number(opt.speed);
const TRIALS = Number(opt.trials);
const INJECTS = 200;
const TEAMS = 34;
const PASSWORD = 'Bàn-phím-gió-mùa-Đông-Bắc-4821!';

const label = (en: string) => ({ vi: `${en} (vi)`, en });
const template = JSON.parse(readFileSync(new URL('../apps/server/src/modules/exercises/templates/ransomware-hospital.json', import.meta.url), 'utf8')) as ScenarioDocument;
const alertInject = template.injects[0]!;

/** 200 injects: every 5th sends alerts, every 10th (of the others) is a centre warning to acknowledge, the rest are messages. */
function scenario(): ScenarioDocument {
  const injects: Inject[] = Array.from({ length: INJECTS }, (_, i) => {
    const base = { key: `i${i}`, offsetMinutes: Math.round((i * MINUTES / INJECTS) * 1000) / 1000, title: label(`Inject ${i}`) };
    if (i % 5 === 0) return { ...base, kind: 'alerts', alerts: alertInject.alerts!, expectations: [{ key: 'open', kind: 'incident_opened', label: label('Take it up'), points: 10, withinMinutes: 30 }] };
    if (i % 10 === 3) return { ...base, kind: 'warning', warning: { severity: 3, title: label(`Warning ${i}`), body: label('Block the C2.') },
      expectations: [{ key: 'ack', kind: 'warning_acknowledged', label: label('Acknowledge'), points: 10, withinMinutes: 30 }] };
    return { ...base, kind: 'message', message: { from: 'White team', subject: label(`Message ${i}`), body: label('Situation update.') }, expectations: [] };
  });
  return { schema: 'lachan-exercise/1', key: 'bench-national', title: label('National exercise (bench)'), summary: label('200 injects, 34 teams.'), durationMinutes: MINUTES + 1, injects };
}

const server = await startServer({ DATABASE_URL: '' });
try {
  const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
  const provinces = ((await admin('GET', '/api/v1/orgs?kind=province&limit=200')).json.items as { id: string; name: string }[]).slice(0, TEAMS);
  if (provinces.length < TEAMS) throw new Error(`only ${provinces.length} provinces`);
  // Analysts of the teams that act during the run (one per trial, round robin over the first ten).
  const actors = [];
  for (const [i, p] of provinces.slice(0, 10).entries()) {
    const email = `bench-${i}@exercise.example.vn`;
    if ((await admin('POST', '/api/v1/users', { email, password: PASSWORD, name: `Bench ${i}`, orgId: p.id, role: 'analyst' })).status !== 201) throw new Error('user');
    actors.push({ orgId: p.id, session: await apiSession(server.url, email, PASSWORD) });
  }
  const sc = (await admin('POST', '/api/v1/exercises/scenarios', scenario())).json as Scenario;
  const ex = (await admin('POST', '/api/v1/exercises', { scenarioId: sc.id, teamOrgIds: provinces.map((p) => p.id), speed: SPEED })).json as Exercise;
  const started = performance.now();
  if ((await admin('POST', `/api/v1/exercises/${ex.id}/start`)).status !== 200) throw new Error('start');
  console.log(`exercise ${ex.id}: ${TEAMS} teams, ${INJECTS} injects over ${MINUTES} scenario minutes at ${SPEED}x (${(MINUTES * 60 / SPEED).toFixed(0)} s)`);

  // Scoreboard trials: a team acknowledges a delivered warning; time until the white team's scoreboard shows it met.
  const delays: number[] = [];
  const acked = new Set<string>();
  const board = async () => (await admin('GET', `/api/v1/exercises/${ex.id}/scoreboard`)).json as Scoreboard;
  for (let trial = 0; trial < TRIALS && performance.now() - started < (MINUTES * 60_000) / SPEED; trial++) {
    const actor = actors[trial % actors.length]!;
    let warningId: string | null = null;
    while (!warningId && performance.now() - started < (MINUTES * 60_000) / SPEED) {
      const items = (await admin('GET', `/api/v1/exercises/${ex.id}/teams/${actor.orgId}/inbox`)).json.items as InboxItem[];
      warningId = items.find((x) => x.warningId && !acked.has(x.warningId))?.warningId ?? null;
      if (!warningId) await new Promise((r) => setTimeout(r, 200));
    }
    if (!warningId) break;
    acked.add(warningId);
    const scored = (b: Scoreboard) => { const r = b.teams.find((t) => t.orgId === actor.orgId)!; return r.met + r.late; };
    const before = scored(await board());
    const t0 = performance.now();
    const res = await actor.session('POST', `/api/v1/warnings/${warningId}/ack`, {});
    if (res.status !== 200) throw new Error(`ack ${res.status}`);
    // Met or late (the acknowledgement may come after the expectation's limit): either way it is scored; 10 s at most.
    while (scored(await board()) <= before && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 10));
    delays.push(performance.now() - t0);
  }

  // Wait for every inject to reach every team, then read how late each was.
  for (;;) {
    const b = await board();
    if (b.injectsDelivered >= INJECTS || b.status === 'ended') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const late: number[] = [];
  for (const p of provinces) {
    const items = (await admin('GET', `/api/v1/exercises/${ex.id}/teams/${p.id}/inbox`)).json.items as InboxItem[];
    for (const i of items) late.push(Date.parse(i.deliveredAt) - Date.parse(i.dueAt));
  }
  const p99 = pct(late, 0.99);
  console.log(`deliveries: ${late.length} (expected ${TEAMS * INJECTS}); late p50 ${pct(late, 0.5)} ms, p99 ${p99} ms, max ${Math.max(...late)} ms`);
  console.log(`scoreboard after an action: ${delays.length} trials; p50 ${pct(delays, 0.5).toFixed(0)} ms, max ${Math.max(...delays).toFixed(0)} ms`);
  const ok = late.length === TEAMS * INJECTS && p99 < 1000 && delays.length > 0 && Math.max(...delays) < 1000;
  console.log(`bench:exercise delivery_late_p99_ms=${p99} target<1000 scoreboard_max_ms=${Math.max(...delays).toFixed(0)} target<1000 ${ok ? 'ok' : 'miss'}`);
} finally {
  await server.stop();
}
