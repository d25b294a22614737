"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { FlagStatus } from "@/core/flags/flag-definition";
import { formatPercentage } from "@/core/experiments/allocation";
import { FormMessage } from "@/components/auth/form-message";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ChevronRightIcon } from "@/components/ui/icons";
import { Meta } from "@/components/experiments/experiment-header";

export interface FlagSummary {
  id: string;
  key: string;
  name: string;
  status: FlagStatus;
  /** Null for a boolean flag. */
  variantCount: number | null;
  owner: string | null;
  rolloutPercentage: number;
  ruleCount: number;
  overrideCount: number;
  activeOverrideCount: number;
  tags: readonly string[];
}

export interface FlagHeaderProps {
  flag: FlagSummary;
  can: { update: boolean; create: boolean; delete: boolean };
  actions: { changeStatus: FormAction; remove: FormAction; duplicate: FormAction };
}

function formOf(entries: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.set(name, value);
  return form;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The flag's summary above its tabs: name, on/off switch, type, owner, rollout, and Duplicate and
 * Delete. Delete asks first and says how many overrides go with the flag.
 */
export function FlagHeader({ flag, can, actions }: FlagHeaderProps) {
  const status = useCheckedAction(actions.changeStatus);
  const removal = useCheckedAction(actions.remove);
  const duplication = useCheckedAction(actions.duplicate);
  const [asking, setAsking] = useState(false);
  const titleId = useId();
  const on = flag.status === "ACTIVE";
  const busy = status.pending || removal.pending || duplication.pending;
  const expired = flag.overrideCount - flag.activeOverrideCount;

  return (
    <section aria-labelledby={titleId} className="space-y-4">
      <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-[13px] text-zinc-500">
        <Link href="/flags" className="hover:text-zinc-800 hover:underline">
          Feature flags
        </Link>
        <ChevronRightIcon className="size-3.5" />
        <span className="truncate font-mono text-zinc-700">{flag.key}</span>
      </nav>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 id={titleId} className="text-xl font-semibold tracking-tight text-pretty text-zinc-900">
              {flag.name}
            </h1>
            <Badge tone={on ? "success" : "neutral"} dot={on}>
              {on ? "On" : "Off"}
            </Badge>
            {flag.tags.map((tag) => (
              <Badge key={tag} tone="accent">
                {tag}
              </Badge>
            ))}
          </div>
          <dl className="mt-3 grid grid-cols-2 gap-x-8 gap-y-2 sm:flex sm:flex-wrap">
            <Meta label="Key">
              <code className="text-[13px]">{flag.key}</code>
            </Meta>
            <Meta label="Type">{flag.variantCount === null ? "Boolean" : `Multivariate, ${plural(flag.variantCount, "variant", "variants")}`}</Meta>
            <Meta label="Owner">{flag.owner ?? <span className="text-zinc-500">No owner</span>}</Meta>
            <Meta label="Rollout">{formatPercentage(flag.rolloutPercentage)}</Meta>
            <Meta label="Rules">{flag.ruleCount}</Meta>
            <Meta label="Overrides">
              {flag.activeOverrideCount} active{expired > 0 ? `, ${expired} expired` : ""}
            </Meta>
          </dl>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          {can.update ? (
            <button
              type="button"
              role="switch"
              aria-checked={on}
              aria-label="Flag on"
              disabled={busy}
              onClick={() => status.submit(formOf({ flagId: flag.id, status: on ? "INACTIVE" : "ACTIVE" }))}
              className="inline-flex h-9 items-center gap-2.5 rounded-lg border border-zinc-300 bg-white pr-3.5 pl-2 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50 disabled:opacity-50"
            >
              <span aria-hidden="true" className={cx("relative h-5 w-9 rounded-full transition-colors", on ? "bg-success-600" : "bg-zinc-300")}>
                <span className={cx("absolute top-0.5 size-4 rounded-full bg-white shadow-sm transition-all", on ? "left-4.5" : "left-0.5")} />
              </span>
              {on ? "On" : "Off"}
            </button>
          ) : null}
          {can.create ? (
            <form onSubmit={duplication.onSubmit} className="contents">
              <input type="hidden" name="flagId" value={flag.id} />
              <PendingButton pending={duplication.pending} variant="secondary" pendingLabel="Duplicating…" disabled={busy}>
                Duplicate
              </PendingButton>
            </form>
          ) : null}
          {can.delete ? (
            <Button variant="ghost" className="text-danger-700 hover:bg-danger-50 hover:text-danger-800" onClick={() => setAsking(true)} disabled={busy}>
              Delete
            </Button>
          ) : null}
        </div>
      </div>
      {status.message ? <FormMessage tone={status.succeeded ? "success" : "error"}>{status.message}</FormMessage> : null}
      {duplication.message ? <FormMessage>{duplication.message}</FormMessage> : null}
      <ConfirmDialog
        open={asking}
        title={`Delete the flag ${flag.key}?`}
        confirmLabel="Delete flag"
        tone="danger"
        pending={removal.pending}
        onConfirm={() => removal.submit(formOf({ flagId: flag.id }))}
        onClose={() => setAsking(false)}
      >
        <p>
          {flag.overrideCount === 0
            ? "It has no overrides."
            : `${plural(flag.overrideCount, "override goes", "overrides go")} with it${expired > 0 ? ` (${flag.activeOverrideCount} active, ${expired} expired)` : ""}.`}
        </p>
        <p>SDKs asking for this key get their default value from then on. This cannot be undone.</p>
        {removal.message ? <FormMessage>{removal.message}</FormMessage> : null}
      </ConfirmDialog>
    </section>
  );
}
