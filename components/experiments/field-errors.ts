import type { z } from "zod";
import type { FieldErrors } from "@/server/errors";

/** A zod result's issues keyed by field path ("variants.1.trafficAllocation"), as the services key them. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** Every message for `path` and the fields below it (`variants.1` → `variants.1.name`, `variants.1.configuration.url`...). */
export function errorsUnder(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors).flatMap(([key, messages]) => (key === path || key.startsWith(`${path}.`) ? messages : []));
}
