import type { TestProject } from 'vitest/node';
import { buildTemplate, dropTemplate } from './template.ts';

/** Vitest global setup of the integration tier: one template database per run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.LACHAN_TEST_RUN ??= String(process.pid);
  project.provide('lachanTestRun', process.env.LACHAN_TEST_RUN);
  await buildTemplate();
  return async () => {
    await dropTemplate();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    lachanTestRun: string;
  }
}
