"use client";

import Link from "next/link";
import { type ReactNode, useId, useState } from "react";
import type { ExperimentStatus, ExperimentType } from "@/core/experiments/enums";
import { STATUS_TRANSITIONS } from "@/core/experiments/lifecycle";
import { formatPercentage } from "@/core/experiments/allocation";
import { FormMessage } from "@/components/auth/form-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/preferences/preferences-context";
import { ChevronRightIcon, InfoIcon } from "@/components/ui/icons";
import { StatusBadge, TypeBadge } from "./experiment-badges";
import { moveButton } from "./lifecycle-text";
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
  /** Sum of the variants' allocations (percent of eligible users enrolled) and how many variants share it. */
  traffic: { total: number; variants: number };
  /** The targeting in words, or null when every user is eligible. */
  targeting: string | null;
  /** Where the experiment stands and what the buttons do from here. */
  nextStep: string;
}

export interface ExperimentHeaderProps {
  experiment: ExperimentSummary;
  can: { update: boolean; create: boolean; delete: boolean };
  actions: { changeStatus: FormAction; remove: FormAction; duplicate: FormAction };
}

/** The moves that ask first, and what the confirmation says will happen. */
type Asked = "start" | "complete" | "archive" | "delete";

interface MoveQuestion {
  to: ExperimentStatus;
  title: string;
  confirmLabel: string;
  tone: "primary" | "danger";
  body: ReactNode;
}

function moveQuestion(asked: Asked | null, experiment: ExperimentSummary): MoveQuestion | null {
  switch (asked) {
    case "start":
      return {
        to: "ACTIVE",
        title: "Start this experiment?",
        confirmLabel: "Start experiment",
        tone: "primary",
        body: (
          <>
            <p>
              Targeting limits this experiment to users matching <strong className="font-medium text-zinc-900">{experiment.targeting}</strong>. Of those,{" "}
              {formatPercentage(experiment.traffic.total)} are enrolled, split across {experiment.traffic.variants} variants; the rest see the default experience.
            </p>
            <p>How many users that is depends on who arrives: the platform has no user list of its own, and counts them as they are assigned.</p>
          </>
        ),
      };
    case "complete":
      return {
        to: "COMPLETED",
        title: "Complete this experiment?",
        confirmLabel: "Complete experiment",
        tone: "danger",
        body: (
          <>
            <p>Assignments stop: no user is enrolled any more, and everyone gets the default experience.</p>
            <p>The results freeze as they are now, and the variants, metrics and targeting can no longer change. This cannot be undone.</p>
          </>
        ),
      };
    case "archive":
      return {
        to: "ARCHIVED",
        title: "Archive this experiment?",
        confirmLabel: "Archive experiment",
        tone: "danger",
        body: (
          <>
            <p>
              {experiment.status === "DRAFT"
                ? "It never ran, and once archived it can never start: duplicate it instead if you may want to run it."
                : "It leaves the active lists and becomes read-only; its results stay readable."}
            </p>
            <p>This cannot be undone.</p>
          </>
        ),
      };
    default:
      return null;
  }
}

export function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-0.5 break-words text-zinc-800">{children}</dd>
    </div>
  );
}

function formData(entries: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.set(name, value);
  return form;
}

/**
 * The summary above the experiment's tabs: name, status, the facts (type, owner, dates, traffic, targeting),
 * a "what happens next" hint, and the lifecycle buttons the user may press now. Moves that cannot be undone
 * (complete, archive, delete) ask first, and so does a start that targeting limits, saying who is eligible.
 */
export function ExperimentHeader({ experiment, can, actions }: ExperimentHeaderProps) {
  const status = useCheckedAction(actions.changeStatus);
  const removal = useCheckedAction(actions.remove);
  const duplication = useCheckedAction(actions.duplicate);
  const [asking, setAsking] = useState<Asked | null>(null);
  const titleId = useId();
  const moves = can.update ? STATUS_TRANSITIONS[experiment.status] : [];
  const busy = status.pending || removal.pending || duplication.pending;
  const guardFailures = Object.fromEntries(Object.entries(status.state.fieldErrors ?? {}).filter(([key]) => key.startsWith("guard.")));
  // `message` is empty once another form of the page has been used since: the checklist goes with it.
  const blocked = status.message !== undefined && !status.state.ok && Object.keys(guardFailures).length > 0;
  const hidden = <input type="hidden" name="experimentId" value={experiment.id} />;
  const move = (to: ExperimentStatus) => status.submit(formData({ experimentId: experiment.id, status: to }));
  const confirmMove = (to: ExperimentStatus) => {
    setAsking(null);
    move(to);
  };
  const question = moveQuestion(asking, experiment);

  function press(to: ExperimentStatus) {
    if (to === "COMPLETED") return setAsking("complete");
    if (to === "ARCHIVED") return setAsking("archive");
    if (to === "ACTIVE" && experiment.status === "DRAFT" && experiment.targeting !== null) return setAsking("start");
    move(to);
  }

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
            <h1 id={titleId} className="text-xl font-semibold tracking-tight text-pretty text-zinc-900">
              {experiment.name}
            </h1>
            <StatusBadge status={experiment.status} />
          </div>
          <dl className="mt-3 grid grid-cols-2 gap-x-8 gap-y-2 sm:flex sm:flex-wrap">
            <Meta label="Key">
              <code className="text-[13px]">{experiment.key}</code>
            </Meta>
            <Meta label="Type">
              <TypeBadge type={experiment.experimentType} />
            </Meta>
            <Meta label="Owner">{experiment.owner ?? <span className="text-zinc-500">No owner</span>}</Meta>
            <Meta label="Start"><DateTime value={experiment.startDate} empty="Not set" /></Meta>
            <Meta label="End"><DateTime value={experiment.endDate} empty="Not set" /></Meta>
            <Meta label="Traffic">
              {formatPercentage(experiment.traffic.total)} in {experiment.traffic.variants} {experiment.traffic.variants === 1 ? "variant" : "variants"}
            </Meta>
          </dl>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          {moves.map((to) => {
            const { label, variant } = moveButton(experiment.status, to);
            return (
              <Button key={to} variant={variant} disabled={busy} onClick={() => press(to)}>
                {label}
              </Button>
            );
          })}
          {can.create ? (
            <form onSubmit={duplication.onSubmit} className="contents">
              {hidden}
              <PendingButton pending={duplication.pending} variant="secondary" pendingLabel="Duplicating…" disabled={busy}>
                Duplicate
              </PendingButton>
            </form>
          ) : null}
          {can.delete && experiment.status === "DRAFT" ? (
            <Button variant="ghost" className="text-danger-700 hover:bg-danger-50 hover:text-danger-800" onClick={() => setAsking("delete")} disabled={busy}>
              Delete
            </Button>
          ) : null}
        </div>
      </div>

      <div className="flex gap-2.5 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2.5 text-zinc-700">
        <InfoIcon className="mt-0.5 size-4 shrink-0 text-zinc-500" />
        <div className="min-w-0 space-y-0.5">
          <p>
            <span className="font-medium text-zinc-900">What happens next. </span>
            {experiment.nextStep}
          </p>
          <p className="text-[13px] text-zinc-600">
            Eligible: {experiment.targeting === null ? "every user (no targeting)." : <>users matching {experiment.targeting}.</>}
          </p>
        </div>
      </div>

      {blocked ? (
        <StartGuardChecklist failures={guardFailures} verb={experiment.status === "PAUSED" ? "resume" : "start"} splitUrl={experiment.experimentType === "SPLIT_URL"} />
      ) : status.message ? (
        <FormMessage tone={status.succeeded ? "success" : "error"}>{status.message}</FormMessage>
      ) : null}
      {duplication.message ? <FormMessage>{duplication.message}</FormMessage> : null}

      <ConfirmDialog
        open={question !== null}
        title={question?.title}
        confirmLabel={question?.confirmLabel}
        tone={question?.tone}
        onConfirm={() => {
          if (question) confirmMove(question.to);
        }}
        onClose={() => setAsking(null)}
      >
        {question?.body}
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === "delete"}
        title="Delete this draft?"
        confirmLabel="Delete experiment"
        tone="danger"
        pending={removal.pending}
        onConfirm={() => removal.submit(formData({ experimentId: experiment.id }))}
        onClose={() => setAsking(null)}
      >
        <p>Its variants and metric definitions go with it. This cannot be undone.</p>
        {removal.message ? <FormMessage>{removal.message}</FormMessage> : null}
      </ConfirmDialog>
    </section>
  );
}
