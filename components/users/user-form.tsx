"use client";

import Link from "next/link";
import { FormMessage } from "@/components/auth/form-message";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { PASSWORD_POLICY_TEXT } from "@/core/passwords/password-policy";

export interface RoleOption {
  name: string;
  description: string | null;
}

export interface UserFormProps {
  action: FormAction;
  mode: "create" | "update";
  roles: RoleOption[];
  /** Superuser can be granted or revoked only by superusers; others do not see the box. */
  canGrantSuperuser: boolean;
  /** Editing: the user as they are. */
  user?: { id: string; username: string; email: string; fullName: string | null; roles: string[]; isSuperuser: boolean };
  /** Editing yourself: roles and superuser are shown but cannot be changed (no self-lockout). */
  self?: boolean;
}

/** Create a user or edit one: details, roles and (for superusers) the superuser flag. */
export function UserForm({ action, mode, roles, canGrantSuperuser, user, self = false }: UserFormProps) {
  const { state, pending, errors, message, succeeded, onSubmit } = useCheckedAction(action);
  const values = state.values ?? {};
  const created = mode === "create" && succeeded;
  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label={mode === "create" ? "New user" : "Edit user"}>
      <FormMessage tone={succeeded ? "success" : "error"}>{message}</FormMessage>
      {created && state.reveal ? <SecretReveal label="One-time password" secret={state.reveal} /> : null}
      {created ? (
        <p>
          <Link href="/users" className="font-medium text-accent-700 hover:underline">
            Back to users
          </Link>
        </p>
      ) : null}
      {user ? <input type="hidden" name="user" value={user.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {mode === "create" ? (
          <Field label="Username" error={errors.username}>
            {(control) => <Input {...control} name="username" autoComplete="off" required defaultValue={values.username} />}
          </Field>
        ) : null}
        <Field label="Email" error={errors.email}>
          {(control) => <Input {...control} name="email" type="email" required defaultValue={values.email ?? user?.email} />}
        </Field>
        <Field label="Full name" error={errors.fullName}>
          {(control) => <Input {...control} name="fullName" defaultValue={values.fullName ?? user?.fullName ?? ""} />}
        </Field>
        {mode === "create" ? (
          <Field label="Password" error={errors.password} hint={`${PASSWORD_POLICY_TEXT} Leave empty to generate a one-time password.`}>
            {(control) => <Input {...control} name="password" type="password" autoComplete="new-password" />}
          </Field>
        ) : null}
      </div>
      <fieldset className="min-w-0 space-y-2" disabled={self}>
        <legend className="font-medium text-zinc-900">Roles</legend>
        {self ? <p className="text-zinc-600">You cannot change your own roles; ask another administrator.</p> : null}
        {errors.roles ? <p className="text-[13px] text-danger-700">{errors.roles.join(" ")}</p> : null}
        <div className="grid gap-2 sm:grid-cols-2">
          {roles.map((role) => (
            <Checkbox key={role.name} name="roles" value={role.name} label={role.name} description={role.description} defaultChecked={user?.roles.includes(role.name)} />
          ))}
        </div>
        {self && user ? user.roles.map((r) => <input key={r} type="hidden" name="roles" value={r} />) : null}
      </fieldset>
      {canGrantSuperuser && !self ? (
        <>
          <input type="hidden" name="superuserShown" value="1" />
          <Checkbox name="isSuperuser" label="Superuser" description="Passes every permission check, including managing other superusers." defaultChecked={user?.isSuperuser} />
        </>
      ) : null}
      <PendingButton pending={pending} pendingLabel={mode === "create" ? "Creating…" : "Saving…"}>
        {mode === "create" ? "Create user" : "Save changes"}
      </PendingButton>
    </form>
  );
}
