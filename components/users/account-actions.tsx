"use client";

import { FormMessage } from "@/components/auth/form-message";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { PASSWORD_POLICY_TEXT } from "@/core/passwords/password-policy";

/** Deactivate (ending every session at once) or reactivate an account. */
export function ActiveToggle({ action, userId, username, isActive }: { action: FormAction; userId: string; username: string; isActive: boolean }) {
  const { pending, message, succeeded, onSubmit } = useCheckedAction(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <FormMessage tone={succeeded ? "success" : "error"}>{message}</FormMessage>
      <input type="hidden" name="user" value={userId} />
      <input type="hidden" name="active" value={isActive ? "false" : "true"} />
      <p className="text-zinc-600">
        {isActive ? `${username} can sign in. Deactivating signs them out everywhere at once.` : `${username} is deactivated and cannot sign in.`}
      </p>
      <PendingButton pending={pending} variant={isActive ? "danger" : "primary"}>
        {isActive ? "Deactivate user" : "Reactivate user"}
      </PendingButton>
    </form>
  );
}

/** Reset someone's password: to one the admin types, or to a generated one-time password shown once. */
export function ResetPasswordForm({ action, userId }: { action: FormAction; userId: string }) {
  const { state, pending, errors, message, succeeded, onSubmit } = useCheckedAction(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <FormMessage tone={succeeded ? "success" : "error"}>{message}</FormMessage>
      {succeeded && state.reveal ? <SecretReveal label="One-time password" secret={state.reveal} /> : null}
      <input type="hidden" name="user" value={userId} />
      <Field label="New password" error={errors.password} hint={`${PASSWORD_POLICY_TEXT} Leave empty to generate one.`}>
        {(control) => <Input {...control} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <PendingButton pending={pending} variant="secondary">
        Reset password
      </PendingButton>
    </form>
  );
}
