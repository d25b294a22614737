"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useEffectEvent, useRef, useState } from "react";
import { useLatestAction } from "@/components/ui/action-scope";
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
  /** Sends `form` without a submit event, e.g. from a confirmation dialog. */
  submit: (form: FormData) => void;
}

/** After a refused submit: bring the first field in error (else the first error message) into view, and focus it. */
function revealFirstError(form: HTMLFormElement): void {
  const field = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = field ?? form.querySelector<HTMLElement>('[role="alert"]');
  if (!target) return;
  target.scrollIntoView({ block: "center", behavior: "instant" });
  if (field) field.focus({ preventScroll: true });
}

/**
 * A form bound to a server action, checked in the browser first (STYLE "Schemas once"): bad input shows
 * field errors without a round trip, and the service checks again. The form is submitted by hand rather
 * than through `<form action>`, so React does not reset the fields: what the person typed stays after an
 * error. `onDone` runs once for each successful answer. After a refused submit the first field in error
 * is scrolled to and focused. Inside an ActionScope the message shows only while this form was the last
 * one used (see components/ui/action-scope.tsx).
 */
export function useCheckedAction(action: FormAction, check?: (form: FormData) => FieldErrors | null, onDone?: (state: FormState) => void): CheckedAction {
  const [state, dispatch, pending] = useActionState(action, { ok: false });
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const latest = useLatestAction();
  const formRef = useRef<HTMLFormElement | null>(null);
  // Set by a submit; the next render that shows errors reveals the first one, once.
  const revealPending = useRef(false);
  // Each answer is a new object, so this runs once per answer (and not for the initial state).
  const done = useEffectEvent((answer: FormState) => onDone?.(answer));
  useEffect(() => {
    if (state.ok) done(state);
  }, [state]);

  function submit(form: FormData) {
    latest.claim();
    revealPending.current = true;
    const problems = check?.(form) ?? null;
    setClientErrors(problems);
    if (problems) return;
    startTransition(() => dispatch(form));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    formRef.current = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    submit(new FormData(event.currentTarget, submitter));
  }

  const errors = clientErrors ?? (pending ? {} : (state.fieldErrors ?? {}));
  const refused = !pending && (clientErrors !== null || (!state.ok && (state.message !== undefined || state.fieldErrors !== undefined)));
  useEffect(() => {
    if (state.ok && !pending) revealPending.current = false;
    if (!refused || !revealPending.current) return;
    revealPending.current = false;
    if (formRef.current) revealFirstError(formRef.current);
  }, [refused, pending, clientErrors, state]);
  const fieldKeys = Object.keys(errors).filter((key) => key !== "_form");
  const message = !latest.isLatest
    ? undefined
    : fieldKeys.length > 0
      ? "Please correct the fields marked below."
      : clientErrors
        ? clientErrors._form?.join(" ")
        : pending
          ? undefined
          : state.message;
  const succeeded = clientErrors === null && !pending && state.ok && latest.isLatest;
  return { state, pending, errors, message, succeeded, onSubmit, submit };
}
