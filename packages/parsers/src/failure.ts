import type { QuarantineReason } from '@lachan/contracts';

/**
 * The one exception of this package: thrown by the format mappers, caught by `parseAlert`, which turns
 * it into `{ ok: false, code, message }`. Codes are stable snake_case strings.
 */
export class ParseFailure extends Error {
  readonly code: QuarantineReason;

  constructor(code: QuarantineReason, message: string) {
    super(message);
    this.name = 'ParseFailure';
    this.code = code;
  }
}

/** Throws a ParseFailure; typed `never` so callers can use it in expressions. */
export function fail(code: QuarantineReason, message: string): never {
  throw new ParseFailure(code, message);
}
