import type { FieldErrors } from "../errors";

/** What every form action returns to its form: a message, per-field errors, and the values to refill. */
export interface FormState {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
}

export const initialFormState: FormState = { ok: false };
