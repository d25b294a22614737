"use client";

import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";

/** Revokes one key; the list refreshes with the key marked revoked. */
export function RevokeKeyButton({ action, id, name }: { action: FormAction; id: string; name: string }) {
  const { pending, message, succeeded, onSubmit } = useCheckedAction(action);
  return (
    <form onSubmit={onSubmit} className="flex items-center justify-end gap-2">
      <input type="hidden" name="id" value={id} />
      {message && !succeeded ? (
        <span role="alert" className="text-xs text-danger-700">
          {message}
        </span>
      ) : null}
      <PendingButton pending={pending} variant="secondary" size="sm" aria-label={`Revoke ${name}`}>
        Revoke
      </PendingButton>
    </form>
  );
}
