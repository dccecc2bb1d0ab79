import type { ModuleRoutes } from '../../common/module-parts.ts';
import type { ExercisesParts } from './exercises-parts.ts';
import type { DeliveryDeps } from './inject-delivery.ts';
import { InjectDelivery } from './inject-delivery.ts';
import { ExerciseRunner } from './exercise-runner.ts';
import { ScenariosService } from './scenarios.service.ts';
import { ExercisesService } from './exercises.service.ts';
import { ExerciseReports } from './exercise-reports.service.ts';
import { exerciseRoutes, type ExerciseServices } from './exercises.routes.ts';

export type { ExerciseServices } from './exercises.routes.ts';
export { scenarioTemplates } from './templates.ts';
export { ExerciseRunner } from './exercise-runner.ts';
export type { ExercisesParts } from './exercises-parts.ts';
export type { DeliveryDeps } from './inject-delivery.ts';

/** Exercises: scenarios, runs, reports, their routes, and the runner delivering injects. */
export interface ExercisesModule extends ExerciseServices {
  routes: ModuleRoutes;
  /** Unstarted; runs on every node (each inject is claimed per team in the database, so it reaches a team once). */
  runner: ExerciseRunner;
}

/** Builds the exercises module from its parts and the two services injects go through. */
export function createExercisesModule(parts: ExercisesParts, deps: DeliveryDeps): ExercisesModule {
  const runner = new ExerciseRunner(parts, new InjectDelivery(parts, deps));
  const scenarios = new ScenariosService(parts);
  const exercises = new ExercisesService(parts, scenarios, runner);
  const services: ExerciseServices = { scenarios, exercises, reports: new ExerciseReports(parts, exercises) };
  const routes: ModuleRoutes = async (app) => {
    exerciseRoutes(app, services);
  };
  return { ...services, routes, runner };
}
