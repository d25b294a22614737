"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/auth/form-message";
import { SubmitButton } from "@/components/auth/submit-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { initialFormState } from "@/server/actions/form-state";
import { setupAction } from "./actions";
import { PASSWORD_POLICY_TEXT } from "@/core/passwords/password-policy";

export function SetupForm() {
  const [state, action] = useActionState(setupAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const hasFieldErrors = Object.keys(errors).length > 0;
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message ? <FormMessage>{hasFieldErrors ? "Please correct the fields below." : state.message}</FormMessage> : null}
      <Field label="Username" error={errors.username} hint="At least 3 characters: letters, digits, dots, dashes and underscores, starting with a letter or digit.">
        {(c) => <Input {...c} name="username" autoComplete="username" required autoFocus defaultValue={values.username} key={`u${values.username}`} />}
      </Field>
      <Field label="Email" error={errors.email}>
        {(c) => <Input {...c} name="email" type="email" autoComplete="email" required defaultValue={values.email} key={`e${values.email}`} />}
      </Field>
      <Field label="Full name" hint="Optional." error={errors.fullName}>
        {(c) => <Input {...c} name="fullName" autoComplete="name" defaultValue={values.fullName} key={`n${values.fullName}`} />}
      </Field>
      <Field label="Password" error={errors.password} hint={PASSWORD_POLICY_TEXT}>
        {(c) => <Input {...c} name="password" type="password" autoComplete="new-password" required />}
      </Field>
      <Field label="Confirm password" error={errors.confirmPassword}>
        {(c) => <Input {...c} name="confirmPassword" type="password" autoComplete="new-password" required />}
      </Field>
      <SubmitButton className="w-full" pendingLabel="Creating your account…">
        Create admin account
      </SubmitButton>
    </form>
  );
}
