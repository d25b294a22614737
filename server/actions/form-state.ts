import type { FieldErrors } from "../errors";

/** What every form action returns to its form: a message, per-field errors, and the values to refill. */
export interface FormState {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** A secret shown once (a new API key, a generated password): never logged, never refilled into a form. */
  reveal?: string;
}

export const initialFormState: FormState = { ok: false };
