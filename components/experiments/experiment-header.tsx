"use client";

import Link from "next/link";
import { type ReactNode, useId, useState } from "react";
import type { ExperimentStatus, ExperimentType } from "@/core/experiments/enums";
import { STATUS_TRANSITIONS } from "@/core/experiments/lifecycle";
import { FormMessage } from "@/components/auth/form-message";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { DateTime } from "@/components/preferences/preferences-context";
import { ChevronRightIcon } from "@/components/ui/icons";
import { StatusBadge, TypeBadge } from "./experiment-badges";
import { PendingButton } from "./pending-button";
import { StartGuardChecklist } from "./start-guard-checklist";
import { type FormAction, useCheckedAction } from "./use-checked-action";

export interface ExperimentSummary {
  id: string;
  key: string;
  name: string;
  status: ExperimentStatus;
  experimentType: ExperimentType;
  owner: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface ExperimentHeaderProps {
  experiment: ExperimentSummary;
  can: { update: boolean; create: boolean; delete: boolean };
  actions: { changeStatus: FormAction; remove: FormAction; duplicate: FormAction };
}

/** The button for each lifecycle move (core/experiments/lifecycle), in the order they are offered. */
function moveButton(from: ExperimentStatus, to: ExperimentStatus): { label: string; variant: ButtonVariant } {
  switch (to) {
    case "ACTIVE":
      return { label: from === "PAUSED" ? "Resume" : "Start", variant: "primary" };
    case "PAUSED":
      return { label: "Pause", variant: "secondary" };
    case "COMPLETED":
      return { label: "Complete", variant: "secondary" };
    case "ARCHIVED":
      return { label: "Archive", variant: "secondary" };
    default:
      return { label: to, variant: "secondary" };
  }
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-0.5 break-words text-zinc-800">{children}</dd>
    </div>
  );
}

/** Name, status and facts of an experiment, with the lifecycle buttons the user may press now. */
export function ExperimentHeader({ experiment, can, actions }: ExperimentHeaderProps) {
  const status = useCheckedAction(actions.changeStatus);
  const removal = useCheckedAction(actions.remove);
  const duplication = useCheckedAction(actions.duplicate);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const titleId = useId();
  const moves = can.update ? STATUS_TRANSITIONS[experiment.status] : [];
  const busy = status.pending || removal.pending || duplication.pending;
  const guardFailures = Object.fromEntries(Object.entries(status.state.fieldErrors ?? {}).filter(([key]) => key.startsWith("guard.")));
  const blocked = !status.pending && !status.state.ok && Object.keys(guardFailures).length > 0;
  const hidden = <input type="hidden" name="experimentId" value={experiment.id} />;

  return (
    <section aria-labelledby={titleId} className="space-y-4">
      <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-[13px] text-zinc-500">
        <Link href="/experiments" className="hover:text-zinc-800 hover:underline">
          Experiments
        </Link>
        <ChevronRightIcon className="size-3.5" />
        <span className="truncate font-mono text-zinc-700">{experiment.key}</span>
      </nav>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 id={titleId} className="text-xl font-semibold tracking-tight text-pretty text-zinc-900">{experiment.name}</h1>
            <StatusBadge status={experiment.status} />
          </div>
          <dl className="mt-3 flex flex-wrap gap-x-8 gap-y-2">
            <Meta label="Key">
              <code className="text-[13px]">{experiment.key}</code>
            </Meta>
            <Meta label="Type">
              <TypeBadge type={experiment.experimentType} />
            </Meta>
            <Meta label="Owner">{experiment.owner ?? <span className="text-zinc-500">No owner</span>}</Meta>
            <Meta label="Start"><DateTime value={experiment.startDate} empty="Not set" /></Meta>
            <Meta label="End"><DateTime value={experiment.endDate} empty="Not set" /></Meta>
          </dl>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          {moves.length > 0 ? (
            <form onSubmit={status.onSubmit} className="contents">
              {hidden}
              {moves.map((to) => {
                const { label, variant } = moveButton(experiment.status, to);
                return (
                  <Button key={to} type="submit" name="status" value={to} variant={variant} disabled={busy}>
                    {label}
                  </Button>
                );
              })}
            </form>
          ) : null}
          {can.create ? (
            <form onSubmit={duplication.onSubmit} className="contents">
              {hidden}
              <PendingButton pending={duplication.pending} variant="secondary" pendingLabel="Duplicating…" disabled={busy}>
                Duplicate
              </PendingButton>
            </form>
          ) : null}
          {can.delete && experiment.status === "DRAFT" ? (
            <Button variant="ghost" className="text-danger-700 hover:bg-danger-50 hover:text-danger-800" onClick={() => setConfirmingDelete(true)} disabled={busy || confirmingDelete}>
              Delete
            </Button>
          ) : null}
        </div>
      </div>

      {confirmingDelete ? (
        <form onSubmit={removal.onSubmit} aria-label="Confirm deletion" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3">
          {hidden}
          <p className="font-medium text-danger-800">Delete this draft?</p>
          <p className="mt-0.5 text-danger-800">Its variants and metric definitions go with it. This cannot be undone.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <PendingButton pending={removal.pending} variant="danger" pendingLabel="Deleting…">
              Delete experiment
            </PendingButton>
            <Button variant="secondary" onClick={() => setConfirmingDelete(false)} disabled={removal.pending}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}

      {blocked ? (
        <StartGuardChecklist failures={guardFailures} verb={experiment.status === "PAUSED" ? "resume" : "start"} splitUrl={experiment.experimentType === "SPLIT_URL"} />
      ) : status.state.message && !status.pending ? (
        status.state.ok ? <Alert tone="info">{status.state.message}</Alert> : <FormMessage>{status.state.message}</FormMessage>
      ) : null}
      {!removal.pending && removal.state.message ? <FormMessage>{removal.state.message}</FormMessage> : null}
      {!duplication.pending && duplication.state.message ? <FormMessage>{duplication.state.message}</FormMessage> : null}
    </section>
  );
}
