import type { FieldErrors } from "../errors";

/** What every form action returns to its form: a message, per-field errors, and the values to refill. */
export interface FormState<D = never> {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** A secret shown once (a new API key, a generated password): never logged, never refilled into a form. */
  reveal?: string;
  /** What an action that answers with data (the flag page's "test a user") computed; absent on errors. */
  data?: D;
}

export const initialFormState: FormState = { ok: false };
