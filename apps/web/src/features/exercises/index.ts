/** Front door of the exercises module. */
export { ExercisesPage } from './ExercisesPage.tsx';
export { ExercisePage } from './ExercisePage.tsx';
export { ScenarioPage } from './ScenarioPage.tsx';
export { ReportPage } from './ReportPage.tsx';
export { ExerciseBanner } from './ExerciseBanner.tsx';
export { RecordExerciseBanner } from './RecordExerciseBanner.tsx';
export { useKnowledgeRuns, useRunsIPlay } from './exercises.api.ts';
