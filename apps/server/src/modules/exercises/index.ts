import type { Platform } from '../../platform.types.ts';
import type { DeliveryDeps } from './inject-delivery.ts';
import { InjectDelivery } from './inject-delivery.ts';
import { ExerciseRunner } from './exercise-runner.ts';
import { ScenariosService } from './scenarios.service.ts';
import { ExercisesService } from './exercises.service.ts';
import { ExerciseReports } from './exercise-reports.service.ts';
import type { ExerciseServices } from './exercises.routes.ts';

export { exerciseRoutes, type ExerciseServices } from './exercises.routes.ts';
export { scenarioTemplates } from './templates.ts';
export { ExerciseRunner } from './exercise-runner.ts';

/** Builds the exercises module from the platform and the two services injects go through; its runner is returned unstarted. */
export function createExercisesModule(platform: Platform, deps: DeliveryDeps): ExerciseServices & { runner: ExerciseRunner } {
  const runner = new ExerciseRunner(platform, new InjectDelivery(platform, deps));
  const scenarios = new ScenariosService(platform);
  const exercises = new ExercisesService(platform, scenarios, runner);
  return { scenarios, exercises, reports: new ExerciseReports(platform, exercises), runner };
}
