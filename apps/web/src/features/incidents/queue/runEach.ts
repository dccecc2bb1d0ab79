/** Outcome of applying one action to many items. */
export interface BulkOutcome {
  done: number;
  failed: { id: string; error: unknown }[];
}

/**
 * Applies `action` to each id in turn (the API has no bulk endpoint, and one at a time keeps the
 * server's per-incident checks and audit), reporting progress after each.
 */
export async function runEach(ids: readonly string[], action: (id: string) => Promise<unknown>, onProgress: (finished: number) => void): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { done: 0, failed: [] };
  let finished = 0;
  for (const id of ids) {
    try {
      await action(id);
      outcome.done += 1;
    } catch (error) {
      outcome.failed.push({ id, error });
    }
    finished += 1;
    onProgress(finished);
  }
  return outcome;
}
