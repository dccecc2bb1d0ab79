import { buildTemplate, dropTemplate } from './template.ts';

/** Vitest global setup of the integration tier: one template database per run. */
export default async function setup(): Promise<() => Promise<void>> {
  process.env.LACHAN_TEST_RUN ??= String(process.pid);
  await buildTemplate();
  return async () => {
    await dropTemplate();
  };
}
