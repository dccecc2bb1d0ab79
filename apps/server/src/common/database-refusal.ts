/**
 * SQLSTATE classes by which the database refuses a value rather than fails: data exceptions (22: NUL,
 * bad encoding, out-of-range date or number, malformed input), integrity rules (23, except a unique
 * clash, which is a race handled where it happens) and program limits (54: an index row too large).
 * Such an error is about one record of a batch, never about the server, so the batch is stored
 * without that record instead of failing whole.
 */
const RECORD_CLASSES = new Set(['22', '23', '54']);

/** The database's reason when `err` is its refusal of a value (see above), else null. */
export function refusalReason(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || code.length !== 5 || code === '23505' || !RECORD_CLASSES.has(code.slice(0, 2))) return null;
  const message = (err as { message?: unknown }).message;
  return `the database refused it (${code}): ${typeof message === 'string' ? message.slice(0, 500) : 'no reason given'}`;
}
