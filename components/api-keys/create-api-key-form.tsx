"use client";

import Link from "next/link";
import { useState } from "react";
import { FormMessage } from "@/components/auth/form-message";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { Select } from "@/components/ui/select";

const TYPE_HINTS: Record<string, string> = {
  client: "Evaluate flags, assign experiments and track events. Safe in a browser.",
  server: "A client key's rights plus downloading every definition, for server SDKs. Keep it secret.",
  admin: "Manages through the API with the permissions of its role. Keep it secret.",
};

/** Name, type, a role for admin keys, an optional expiry; the key is shown once with a copy button. */
export function CreateApiKeyForm({ action, roles }: { action: FormAction; roles: string[] }) {
  const { state, pending, errors, message, succeeded, onSubmit } = useCheckedAction(action);
  const values = state.values ?? {};
  const [type, setType] = useState(values.type ?? "client");
  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label="New API key">
      <FormMessage tone={succeeded ? "success" : "error"}>{message}</FormMessage>
      {succeeded && state.reveal ? (
        <>
          <SecretReveal label="API key" secret={state.reveal} />
          <p>
            <Link href="/api-keys" className="font-medium text-accent-700 hover:underline">
              Back to API keys
            </Link>
          </p>
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={errors.name} hint="What uses it, e.g. “web app” or “CI”.">
          {(control) => <Input {...control} name="name" required defaultValue={values.name} />}
        </Field>
        <Field label="Type" error={errors.type} hint={TYPE_HINTS[type]}>
          {(control) => (
            <Select {...control} name="type" value={type} onChange={(event) => setType(event.target.value)}>
              <option value="client">Client</option>
              <option value="server">Server</option>
              <option value="admin">Admin</option>
            </Select>
          )}
        </Field>
        {type === "admin" ? (
          <Field label="Role" error={errors.role} hint="The key can do what this role allows, and you can only pick roles within your own rights.">
            {(control) => (
              <Select {...control} name="role" defaultValue={values.role ?? "viewer"}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
        <Field label="Expires on" error={errors.expiresAt} hint="Optional. The key stops working after this day (UTC).">
          {(control) => <Input {...control} name="expiresAt" type="date" defaultValue={values.expiresAt} />}
        </Field>
      </div>
      <PendingButton pending={pending} pendingLabel="Creating…">
        Create key
      </PendingButton>
    </form>
  );
}
