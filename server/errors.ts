/**
 * Errors meant for users (STYLE.md, "Errors"). Services throw these; the edges (server actions, route
 * handlers, the CLI) turn them into form messages, the API error shape or a one-line message.
 * Anything else is a bug: logged with a request id and shown as a generic message.
 */
export type FieldErrors = Record<string, string[]>;

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
}

/** An error a form can show next to its fields. */
abstract class FieldError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export class Invalid extends FieldError {
  override name = "Invalid";
  readonly status = 422;
  readonly code = "invalid";
}

export class NotFound extends AppError {
  override name = "NotFound";
  readonly status = 404;
  readonly code = "not_found";
}

export class Conflict extends FieldError {
  override name = "Conflict";
  readonly status = 409;
  readonly code = "conflict";
}

export class Unauthenticated extends AppError {
  override name = "Unauthenticated";
  readonly status = 401;
  readonly code = "unauthenticated";
}

export class UnsupportedMediaType extends AppError {
  override name = "UnsupportedMediaType";
  readonly status = 415;
  readonly code = "unsupported_media_type";
}

export class Forbidden extends AppError {
  override name = "Forbidden";
  readonly status = 403;
  readonly code = "forbidden";
}

/** An error that passes with time: the API answers it with `Retry-After`. */
export abstract class RetryLater extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class TooManyRequests extends RetryLater {
  override name = "TooManyRequests";
  readonly status = 429;
  readonly code = "too_many_requests";
}

/** The service cannot take the request right now (overloaded, or its database unreachable). */
export class Unavailable extends RetryLater {
  override name = "Unavailable";
  readonly status = 503;
  readonly code = "unavailable";
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
