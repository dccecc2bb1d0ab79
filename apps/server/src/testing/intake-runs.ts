import type { Caller } from './harness.ts';

/** Poll an intel intake run until it leaves `running`; its last state. */
export async function finishedRun(c: Caller, runId: string) {
  for (let i = 0; i < 400; i++) {
    const r = (await c.get(`/api/v1/intel/intake-runs/${runId}`)).json();
    if (r.status !== 'running') return r;
    await new Promise((ok) => setTimeout(ok, 25));
  }
  throw new Error('intake run did not finish');
}
