"use client";

import { FormMessage } from "@/components/auth/form-message";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { DateTime } from "@/components/preferences/preferences-context";

export interface RefreshResultsFormProps {
  experimentKey: string;
  updatedAt: string | null;
  action: FormAction;
}

/** "Last updated <time> · Refresh": brings the stored statistics up to date with the newest events. */
export function RefreshResultsForm({ experimentKey, updatedAt, action }: RefreshResultsFormProps) {
  const { pending, message, succeeded, onSubmit } = useCheckedAction(action);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-zinc-600">
      <input type="hidden" name="key" value={experimentKey} />
      <span>
        Last updated <DateTime value={updatedAt} empty="never" />
      </span>
      <PendingButton pending={pending} pendingLabel="Refreshing…" variant="secondary" size="sm">
        Refresh
      </PendingButton>
      {succeeded ? null : <FormMessage className="w-full">{message}</FormMessage>}
    </form>
  );
}
