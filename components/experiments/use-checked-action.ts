"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useEffectEvent, useState } from "react";
import type { z } from "zod";
import type { FormState } from "@/server/actions/form-state";
import type { FieldErrors } from "@/server/errors";
import { fieldErrorsOf } from "./field-errors";

export type FormAction = (previous: FormState, form: FormData) => Promise<FormState>;

/** Checks the form in the browser with the same schema the service uses; null when it may be sent. */
export function checkWith(schema: z.ZodType, read: (form: FormData) => unknown) {
  return (form: FormData): FieldErrors | null => {
    const result = schema.safeParse(read(form));
    return result.success ? null : fieldErrorsOf(result.error);
  };
}

export interface CheckedAction {
  state: FormState;
  pending: boolean;
  /** Field errors to show: the browser's check, else the server's answer. */
  errors: FieldErrors;
  /** The form-level message to show, if any. */
  message: string | undefined;
  /** The message reports a success ("Saved."). */
  succeeded: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/**
 * A form bound to a server action, checked in the browser first (STYLE "Schemas once"): bad input shows
 * field errors without a round trip, and the service checks again. The form is submitted by hand rather
 * than through `<form action>`, so React does not reset the fields: what the person typed stays after an
 * error. `onDone` runs once for each successful answer.
 */
export function useCheckedAction(action: FormAction, check?: (form: FormData) => FieldErrors | null, onDone?: (state: FormState) => void): CheckedAction {
  const [state, dispatch, pending] = useActionState(action, { ok: false });
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  // Each answer is a new object, so this runs once per answer (and not for the initial state).
  const done = useEffectEvent((answer: FormState) => onDone?.(answer));
  useEffect(() => {
    if (state.ok) done(state);
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(event.currentTarget, submitter);
    const problems = check?.(form) ?? null;
    setClientErrors(problems);
    if (problems) return;
    startTransition(() => dispatch(form));
  }

  const errors = clientErrors ?? (pending ? {} : (state.fieldErrors ?? {}));
  const fieldKeys = Object.keys(errors).filter((key) => key !== "_form");
  const message =
    fieldKeys.length > 0
      ? "Please correct the fields marked below."
      : clientErrors
        ? clientErrors._form?.join(" ")
        : pending
          ? undefined
          : state.message;
  const succeeded = clientErrors === null && !pending && state.ok;
  return { state, pending, errors, message, succeeded, onSubmit };
}
