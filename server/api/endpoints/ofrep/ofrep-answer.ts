/**
 * OFREP's request and answer shapes (OpenFeature Remote Evaluation Protocol 0.3.0,
 * ../shared/conformance/ofrep-openapi.yaml; https://github.com/open-feature/protocol).
 */
import { createHash } from "node:crypto";
import { type FlagEvaluation, evaluateFlag } from "@/core/flags/evaluate-flag";
import type { FlagDefinition } from "../../../services/flags/load-flag-definitions";
import type { ApiResponse } from "../../types";

export type OfrepErrorCode = "PARSE_ERROR" | "TARGETING_KEY_MISSING" | "INVALID_CONTEXT" | "GENERAL" | "FLAG_NOT_FOUND";

export interface OfrepSuccess {
  key: string;
  /** Absent: the provider uses the code's default (OFREP's `codeDefaultFlag`), as for a multivariate flag that is off. */
  value?: unknown;
  reason: "STATIC" | "TARGETING_MATCH" | "SPLIT" | "DISABLED" | "UNKNOWN";
  variant?: string;
  metadata?: Record<string, string | number | boolean>;
}

export interface OfrepFailure {
  key: string;
  errorCode: OfrepErrorCode;
  errorDetails?: string;
}

/** What evaluation needs from an OFREP request body: the user (`targetingKey`) and their attributes. */
export type OfrepContext = { ok: true; targetingKey: string; attributes: Record<string, unknown> } | { ok: false; errorCode: OfrepErrorCode; errorDetails: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function readOfrepContext(body: unknown): OfrepContext {
  if (!isObject(body)) return { ok: false, errorCode: "PARSE_ERROR", errorDetails: "The request body must be a JSON object with a `context`." };
  const { context } = body;
  if (context === undefined) return { ok: false, errorCode: "INVALID_CONTEXT", errorDetails: "The request has no `context`." };
  if (!isObject(context)) return { ok: false, errorCode: "INVALID_CONTEXT", errorDetails: "`context` must be a JSON object." };
  const { targetingKey } = context;
  if (targetingKey === undefined || targetingKey === null || targetingKey === "") {
    return { ok: false, errorCode: "TARGETING_KEY_MISSING", errorDetails: "`context.targetingKey` (the user id) is required." };
  }
  if (typeof targetingKey !== "string") return { ok: false, errorCode: "INVALID_CONTEXT", errorDetails: "`context.targetingKey` must be a string." };
  if (targetingKey.length > 256) return { ok: false, errorCode: "INVALID_CONTEXT", errorDetails: "`context.targetingKey` has at most 256 characters." };
  return { ok: true, targetingKey, attributes: context };
}

/**
 * Our reasons are OpenFeature's; OFREP's answer schema allows all of them but DEFAULT, so a user who
 * falls through to the flag's default answers STATIC (the configured default, no rule or split chose
 * it), with `metadata.reason: "DEFAULT"` keeping the exact reason for whoever wants it.
 */
export function ofrepSuccess(key: string, evaluation: FlagEvaluation): OfrepSuccess {
  const reason = evaluation.reason === "DEFAULT" ? "STATIC" : evaluation.reason;
  const answer: OfrepSuccess = evaluation.value === undefined ? { key, reason } : { key, value: evaluation.value, reason };
  if (evaluation.variant !== null) answer.variant = evaluation.variant;
  if (evaluation.override) answer.metadata = { override: true };
  else if (evaluation.decidedBy.kind === "rule") answer.metadata = { ruleId: evaluation.decidedBy.ruleId };
  else if (evaluation.reason === "DEFAULT") answer.metadata = { reason: "DEFAULT" };
  return answer;
}

/** Evaluates one flag for an OFREP answer; a definition that cannot be evaluated is that flag's GENERAL failure. */
export function evaluateForOfrep(key: string, definition: FlagDefinition, targetingKey: string, attributes: Record<string, unknown>, now: Date): OfrepSuccess | OfrepFailure {
  try {
    const evaluation = evaluateFlag({ flag: definition.flag, userId: targetingKey, context: attributes, override: definition.overrides.get(targetingKey), now });
    return ofrepSuccess(key, evaluation);
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "flag evaluation failed", flag: key, error: error instanceof Error ? error.stack : String(error) }));
    return { key, errorCode: "GENERAL", errorDetails: `Flag "${key}" could not be evaluated.` };
  }
}

export function ofrepError(status: number, body: Record<string, unknown>, headers?: Record<string, string>): ApiResponse {
  return { status, body, headers };
}

/**
 * An ETag for an answer, from its JSON: it changes exactly when the answer would, whatever made it change
 * (an edit, or an override reaching its expiry).
 */
export function jsonEtag(value: unknown): string {
  return `"${createHash("sha256").update(JSON.stringify(value)).digest("base64url").slice(0, 27)}"`;
}

/** `If-None-Match`: one ETag, a list, or `*`; weak comparison (RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}
