"use client";

import type { ReactNode } from "react";
import { type TestOutcome, TestUserCard } from "@/components/targeting/test-user-panel";
import { parseContext } from "@/components/targeting/test-user-result";
import { Badge } from "@/components/ui/badge";
import type { FormState } from "@/server/actions/form-state";
import { displayValue } from "./flag-form-data";
import { type FlagTestView, decisionText, overrideNote } from "./flag-test-view";

export interface FlagTestPanelProps {
  flagId: string;
  rolloutPercentage: number;
  action: (previous: FormState<FlagTestView>, form: FormData) => Promise<FormState<FlagTestView>>;
}

/**
 * "Test a user" for a flag: asks the server, which evaluates the stored flag (and the user's override)
 * with the code the SDK endpoints run, and shows the value, variant, reason and what decided.
 */
export function FlagTestPanel({ flagId, rolloutPercentage, action }: FlagTestPanelProps) {
  const run = async (userId: string, contextText: string): Promise<TestOutcome> => {
    if (userId.trim() === "") return { kind: "invalid", field: "userId", message: "Enter a user id." };
    const context = parseContext(contextText);
    if (typeof context === "string") return { kind: "invalid", field: "context", message: context };
    const form = new FormData();
    form.set("flagId", flagId);
    form.set("userId", userId);
    form.set("context", JSON.stringify(context));
    const answer = await action({ ok: false }, form);
    if (answer.ok && answer.data) return { kind: "result", content: <FlagTestResult view={answer.data} rolloutPercentage={rolloutPercentage} /> };
    const userIdError = answer.fieldErrors?.userId?.join(" ");
    if (userIdError) return { kind: "invalid", field: "userId", message: userIdError };
    const contextError = answer.fieldErrors?.context?.join(" ");
    if (contextError) return { kind: "invalid", field: "context", message: contextError };
    return { kind: "result", content: <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-3 py-1.5 text-danger-800">{answer.message ?? "The test could not run."}</p> };
  };
  return <TestUserCard description="What the SDK endpoints answer for this user and context right now, computed by the same code, including the user's override." run={run} />;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[5.5rem_1fr] gap-3 py-2 sm:grid-cols-[9rem_1fr]">
      <dt className="text-[13px] font-medium text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-words text-zinc-900">{children}</dd>
    </div>
  );
}

function FlagTestResult({ view, rolloutPercentage }: { view: FlagTestView; rolloutPercentage: number }) {
  const note = overrideNote(view);
  return (
    <div aria-label="Test result" role="group" className="rounded-lg border border-zinc-200 bg-white px-4 py-1 shadow-xs max-sm:px-3">
      <dl className="divide-y divide-zinc-100">
        <Row label="Value">
          <span className="flex flex-wrap items-center gap-2">
            {view.value === null ? <span className="text-zinc-600">No value (the SDK keeps its default)</span> : <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[13px]">{displayValue(view.value)}</code>}
            <Badge tone={view.enabled ? "success" : "neutral"} dot={view.enabled}>
              {view.enabled ? "Enabled" : "Not enabled"}
            </Badge>
          </span>
        </Row>
        <Row label="Variant">{view.variant === null ? <span className="text-zinc-600">None</span> : <code className="font-mono text-[13px]">{view.variant}</code>}</Row>
        <Row label="Reason">
          <code className="font-mono text-[13px]">{view.reason}</code>
        </Row>
        <Row label="Decided by">{decisionText(view, rolloutPercentage)}</Row>
        {note ? <Row label="Override">{note}</Row> : null}
      </dl>
    </div>
  );
}
