import type { z } from "zod";
import { type FieldErrors, Invalid } from "../errors";

/** Parses service input with its zod schema; failures become `Invalid` with per-field messages. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = result.error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  throw new Invalid(`${where}${first?.message ?? "Invalid input."}`, fieldErrors);
}
