"use client";

import { FormMessage } from "@/components/auth/form-message";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { PermissionMatrix } from "./permission-matrix";

export interface RoleFormProps {
  action: FormAction;
  /** Editing: the role's name and what it holds; creating: absent. */
  role?: { name: string; description: string | null; permissions: string[] };
  grantable: string[];
  readOnly?: boolean;
}

/** Create a role or edit its description and permission matrix. */
export function RoleForm({ action, role, grantable, readOnly = false }: RoleFormProps) {
  const { state, pending, errors, message, succeeded, onSubmit } = useCheckedAction(action);
  const values = state.values ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label={role ? `Edit role ${role.name}` : "New role"}>
      <FormMessage tone={succeeded ? "success" : "error"}>{message}</FormMessage>
      {role ? (
        <input type="hidden" name="role" value={role.name} />
      ) : (
        <Field label="Name" error={errors.name} hint="Lower-case letters, digits, dashes and underscores.">
          {(control) => <Input {...control} name="name" required defaultValue={values.name} className="max-w-sm" />}
        </Field>
      )}
      <Field label="Description" error={errors.description}>
        {(control) => <Textarea {...control} name="description" rows={2} disabled={readOnly} defaultValue={values.description ?? role?.description ?? ""} />}
      </Field>
      <fieldset className="min-w-0 space-y-2">
        <legend className="font-medium text-zinc-900">Permissions</legend>
        {errors.permissions ? <p className="text-[13px] text-danger-700">{errors.permissions.join(" ")}</p> : null}
        <PermissionMatrix granted={role?.permissions ?? []} grantable={grantable} disabled={readOnly} />
      </fieldset>
      {readOnly ? null : (
        <PendingButton pending={pending} pendingLabel="Saving…">
          {role ? "Save role" : "Create role"}
        </PendingButton>
      )}
    </form>
  );
}

/** Delete a custom role; when it is in use, the first press says how many hold it and asks again. */
export function DeleteRoleForm({ action, role }: { action: FormAction; role: string }) {
  const { pending, errors, message, onSubmit } = useCheckedAction(action);
  const mustConfirm = !!errors.confirm;
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <FormMessage>{message}</FormMessage>
      <input type="hidden" name="role" value={role} />
      {mustConfirm ? <input type="hidden" name="confirm" value="true" /> : null}
      <p className="text-zinc-600">Deleting a role takes it from everyone who holds it.</p>
      <PendingButton pending={pending} variant="danger">
        {mustConfirm ? "Delete anyway" : "Delete role"}
      </PendingButton>
    </form>
  );
}
