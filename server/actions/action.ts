import { unstable_rethrow } from "next/navigation";
import { type FieldErrors, isAppError } from "../errors";
import type { FormState } from "./form-state";
import type { ServiceContext } from "../context";
import { sessionContext } from "../auth/session";
import { errorForLog } from "../log-error";

function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    // Never echo secrets back into the page.
    if (typeof value === "string" && !/password/i.test(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

function toFormState(error: unknown, form: FormData): FormState {
  if (isAppError(error)) {
    const fieldErrors = "fieldErrors" in error ? (error.fieldErrors as FieldErrors) : undefined;
    return { ok: false, message: error.message, fieldErrors, values: formValues(form) };
  }
  const requestId = crypto.randomUUID();
  console.error(JSON.stringify({ level: "error", msg: "server action failed", requestId, error: errorForLog(error) }));
  return { ok: false, message: `Something went wrong on our side (request ${requestId}). Nothing was saved.`, values: formValues(form) };
}

/**
 * The one wrapper for server actions (STYLE.md "One wrapper per edge"): resolves the session (or
 * refuses), runs the handler, and maps expected errors to form state; unexpected errors are logged
 * and shown as a generic message. Redirects thrown by the handler pass through.
 */
export function authedAction<D = never>(handler: (ctx: ServiceContext, form: FormData) => Promise<FormState<D> | void>) {
  return async (_previous: FormState<D>, form: FormData): Promise<FormState<D>> => {
    try {
      const ctx = await sessionContext();
      if (!ctx) return { ok: false, message: "Your session has ended. Sign in again." };
      return (await handler(ctx, form)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error); // redirects and not-found pass through
      return toFormState(error, form);
    }
  };
}

/** The same, for the two actions that run before anyone is signed in: sign-in and first-run setup. */
export function publicAction(handler: (form: FormData) => Promise<FormState | void>) {
  return async (_previous: FormState, form: FormData): Promise<FormState> => {
    try {
      return (await handler(form)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error); // redirects and not-found pass through
      return toFormState(error, form);
    }
  };
}
