import type { Scenario, ScenarioDocument, ScenarioSummary } from '@lachan/contracts';
import type { RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { ExercisesParts } from './exercises-parts.ts';
import { exercisesPolicy as policy } from './exercises.policy.ts';
import { presentScenario, presentScenarioSummary } from './exercises.presenter.ts';
import { scenarioProblems } from './scenario-check.ts';
import { scenariosRepository as repo, type ScenarioRow } from './scenarios.repository.ts';
import { scenarioTemplates } from './templates.ts';

/** Scenarios as data: the shipped templates and the organisers' own, imported, edited and exported as JSON. */
export class ScenariosService {
  #p: ExercisesParts;
  #templates: Promise<void> | null = null;
  constructor(parts: ExercisesParts) {
    this.#p = parts;
  }

  async list(ctx: RequestContext): Promise<ScenarioSummary[]> {
    await this.#mayOrganise(ctx);
    const rows = await repo.list(this.#p.db, ctx.scope.all ? null : [...ctx.scope.manage]);
    return rows.map((r) => presentScenarioSummary(r));
  }

  async get(ctx: RequestContext, id: string): Promise<Scenario> {
    return presentScenario(await this.#load(ctx, id));
  }

  /** Imports a scenario document (or a copy of a template) as the caller's organisation's. */
  async create(ctx: RequestContext, doc: ScenarioDocument): Promise<Scenario> {
    await this.#mayOrganise(ctx);
    checked(doc);
    const id = await transact(this.#p, async (tx) => {
      const id = await repo.insert(tx, ctx.actor.orgId, doc, ctx.actor.name);
      if (!id) throw conflict(`your organisation already has a scenario with the key ${doc.key}`);
      await recordChange(tx, ctx, { action: 'exercise_scenario.create', entityType: 'exercise_scenario', entityId: id, orgId: ctx.actor.orgId, after: { key: doc.key, injects: doc.injects.length } });
      return id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, doc: ScenarioDocument): Promise<Scenario> {
    const row = await this.#load(ctx, id);
    if (!policy.mayEditScenario(ctx, row.owner_org_id)) throw forbidden(row.owner_org_id ? 'not your organisation\'s scenario' : 'a template is not edited; import a copy');
    checked(doc);
    await transact(this.#p, async (tx) => {
      if (!(await repo.update(tx, id, row.owner_org_id!, doc))) throw conflict(`your organisation already has a scenario with the key ${doc.key}`);
      await recordChange(tx, ctx, { action: 'exercise_scenario.update', entityType: 'exercise_scenario', entityId: id, orgId: row.owner_org_id, after: { key: doc.key, injects: doc.injects.length } });
    });
    return this.get(ctx, id);
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const row = await this.#load(ctx, id);
    if (!policy.mayEditScenario(ctx, row.owner_org_id)) throw forbidden('only the owner removes a scenario, and templates stay');
    await transact(this.#p, async (tx) => {
      await repo.remove(tx, id);
      await recordChange(tx, ctx, { action: 'exercise_scenario.delete', entityType: 'exercise_scenario', entityId: id, orgId: row.owner_org_id, before: { key: row.key } });
    });
  }

  /** A scenario the caller may use: a template, or one of its organisations' (404 otherwise). */
  async #load(ctx: RequestContext, id: string): Promise<ScenarioRow> {
    await this.#mayOrganise(ctx);
    const row = await repo.byId(this.#p.db, id);
    if (!row || (row.owner_org_id !== null && !ctx.scope.all && !ctx.scope.manage.has(row.owner_org_id))) throw notFound('scenario');
    return row;
  }

  async #mayOrganise(ctx: RequestContext): Promise<void> {
    requirePermission(ctx, 'exercises.manage');
    await this.#p.orgTree.ensure();
    if (!policy.mayOrganise(ctx, this.#p.orgTree.profile(ctx.actor.orgId)?.kind ?? null)) throw forbidden('exercises are organised by the national centre or a ministry');
    this.#templates ??= repo.upsertTemplates(this.#p.db, scenarioTemplates()).catch((err) => {
      this.#templates = null;
      throw err;
    });
    await this.#templates;
  }
}

/** Refuses a document with problems, listing them all. */
function checked(doc: ScenarioDocument): void {
  const problems = scenarioProblems(doc);
  if (problems.length) throw invalid(`the scenario has ${problems.length} problem(s): ${problems[0]!.path}: ${problems[0]!.message}`, { problems });
}
