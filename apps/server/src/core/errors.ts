import type { ErrorCode } from '@lachan/contracts';

/** The one error type: a stable code, an HTTP status and a message safe to show. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;
  constructor(status: number, code: ErrorCode, message: string, details?: unknown, headers?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details;
    if (headers) this.headers = headers;
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'you are not allowed to do this') => new AppError(403, 'forbidden', message);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const invalid = (message: string, details?: unknown) => new AppError(400, 'validation_failed', message, details);
export const unauthenticated = (message = 'sign in or send an API key') => new AppError(401, 'unauthenticated', message);
