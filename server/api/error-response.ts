import { randomUUID } from "node:crypto";
import { type AppError, isAppError, RetryLater } from "../errors";
import { errorForLog } from "../log-error";
import type { ApiResponse } from "./types";

/** The API's one error shape (DESIGN §7): `{"error": {"code", "message", "details"?}}`. */
export function errorResponse(status: number, code: string, message: string, details?: unknown, headers?: Record<string, string>): ApiResponse {
  return { status, body: { error: { code, message, ...(details === undefined ? {} : { details }) } }, headers };
}

function fromAppError(error: AppError): ApiResponse {
  const details = "fieldErrors" in error && error.fieldErrors && Object.keys(error.fieldErrors as object).length ? { fields: error.fieldErrors } : undefined;
  const headers = error instanceof RetryLater ? { "retry-after": String(error.retryAfterSeconds) } : undefined;
  return errorResponse(error.status, error.code, error.message, details, headers);
}

/** Expected errors become their status; anything else is logged with a request id, never shown. */
export function toErrorResponse(error: unknown): ApiResponse {
  if (isAppError(error)) return fromAppError(error);
  const requestId = randomUUID();
  console.error(JSON.stringify({ level: "error", msg: "api handler failed", requestId, error: errorForLog(error) }));
  return errorResponse(500, "internal", `Something went wrong on our side (request ${requestId}).`);
}
