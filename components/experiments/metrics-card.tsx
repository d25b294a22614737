"use client";

import Link from "next/link";
import { useState } from "react";
import { FormMessage } from "@/components/auth/form-message";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { CheckCircleIcon, PlusIcon } from "@/components/ui/icons";
import { AGGREGATION_METHODS } from "@/core/experiments/enums";
import { planningHref } from "@/components/planning/planning-link";
import { MetricForm, type MetricValues } from "./metric-form";
import { AGGREGATION_LABELS, METRIC_TYPE_LABELS } from "./metric-labels";
import { type FormAction, useCheckedAction } from "./use-checked-action";

export interface MetricActions {
  add: FormAction;
  update: FormAction;
  setPrimary: FormAction;
  remove: FormAction;
}

export interface MetricsCardProps {
  experimentId: string;
  metrics: readonly MetricValues[];
  canUpdate: boolean;
  actions: MetricActions;
}

const dash = <span className="text-zinc-400">—</span>;

function aggregationLabel(method: string | null): string | null {
  const known = AGGREGATION_METHODS.find((m) => m === method);
  return known ? AGGREGATION_LABELS[known] : method;
}

/** The experiment's metric definitions, every field shown; each is added, edited or removed on its own. */
export function MetricsCard({ experimentId, metrics, canUpdate, actions }: MetricsCardProps) {
  const [open, setOpen] = useState<"new" | string | null>(null);
  const primary = useCheckedAction(actions.setPrimary);
  const removal = useCheckedAction(actions.remove);
  const editing = metrics.find((metric) => metric.id === open);
  const busy = primary.pending || removal.pending;
  const hidden = (metric: MetricValues) => (
    <>
      <input type="hidden" name="experimentId" value={experimentId} />
      <input type="hidden" name="metricId" value={metric.id} />
    </>
  );

  return (
    <Card>
      <CardHeader
        title="Metrics"
        description="How success is measured. Primary metrics decide the experiment; at least one is needed to start."
        actions={
          canUpdate && open === null ? (
            <Button size="sm" onClick={() => setOpen("new")}>
              <PlusIcon />
              Add metric
            </Button>
          ) : null
        }
      />
      <CardBody className="space-y-4">
        {[primary, removal].map((form, index) =>
          form.message && !form.pending ? (
            <FormMessage key={index} tone={form.succeeded ? "success" : "error"}>
              {form.message}
            </FormMessage>
          ) : null,
        )}
        {metrics.length === 0 ? (
          <p className="text-zinc-600">No metrics yet.</p>
        ) : (
          <Table aria-label="Metrics" containerClassName="shadow-none">
            <THead>
              <Tr>
                <Th>Metric and event</Th>
                <Th>Type</Th>
                <Th>Primary</Th>
                <Th className="text-right">Min. sample</Th>
                <Th className="text-right">Expected effect</Th>
                {canUpdate ? (
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                ) : null}
              </Tr>
            </THead>
            <TBody>
              {metrics.map((metric) => (
                <Tr key={metric.id}>
                  <Td className="min-w-44">
                    <div className="font-medium text-zinc-900">{metric.name}</div>
                    <code className="text-xs text-zinc-600">{metric.eventName}</code>
                    {metric.description ? <p className="text-[13px] text-zinc-600">{metric.description}</p> : null}
                  </Td>
                  <Td>
                    <div>{METRIC_TYPE_LABELS[metric.metricType]}</div>
                    {metric.aggregationMethod || metric.eventValuePath ? (
                      <div className="text-[13px] whitespace-nowrap text-zinc-600">
                        {aggregationLabel(metric.aggregationMethod) ?? "—"} of <code>{metric.eventValuePath ?? "—"}</code>
                      </div>
                    ) : null}
                    <div className="text-[13px] whitespace-nowrap text-zinc-600">{metric.lowerIsBetter ? "Lower is better" : "Higher is better"}</div>
                  </Td>
                  <Td>
                    {canUpdate ? (
                      <form onSubmit={primary.onSubmit}>
                        {hidden(metric)}
                        <input type="hidden" name="isPrimary" value={metric.isPrimary ? "false" : "true"} />
                        <button
                          type="submit"
                          aria-pressed={metric.isPrimary}
                          aria-label={`Primary: ${metric.name}`}
                          title={metric.isPrimary ? "Primary. Click to make it secondary." : "Secondary. Click to make it primary."}
                          disabled={busy}
                          className={cx(
                            "inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs/5 font-medium ring-1 ring-inset transition-colors disabled:opacity-50",
                            metric.isPrimary ? "bg-accent-50 text-accent-700 ring-accent-200 hover:bg-accent-100" : "bg-white text-zinc-500 ring-zinc-200 hover:text-zinc-800",
                          )}
                        >
                          {metric.isPrimary ? <CheckCircleIcon className="size-3.5" /> : null}
                          Primary
                        </button>
                      </form>
                    ) : metric.isPrimary ? (
                      <span className="text-xs font-medium text-accent-700">Primary</span>
                    ) : (
                      dash
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">{metric.minimumSampleSize ?? dash}</Td>
                  <Td className="text-right tabular-nums">
                    {metric.expectedEffect ?? dash}
                    <Link href={planningHref(metric)} className="ml-2 text-[13px] text-accent-700 hover:underline" aria-label={`Plan sample size for ${metric.name}`}>
                      Plan
                    </Link>
                  </Td>
                  {canUpdate ? (
                    <Td>
                      <div className="flex justify-end gap-1">
                        <Button size="sm" variant="ghost" aria-label={`Edit ${metric.name}`} onClick={() => setOpen(metric.id)} disabled={busy}>
                          Edit
                        </Button>
                        <form onSubmit={removal.onSubmit}>
                          {hidden(metric)}
                          <Button type="submit" size="sm" variant="ghost" aria-label={`Remove ${metric.name}`} className="text-danger-700 hover:bg-danger-50" disabled={busy}>
                            Remove
                          </Button>
                        </form>
                      </div>
                    </Td>
                  ) : null}
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        {open === "new" ? <MetricForm experimentId={experimentId} action={actions.add} onClose={() => setOpen(null)} /> : null}
        {editing ? <MetricForm key={editing.id} experimentId={experimentId} metric={editing} action={actions.update} onClose={() => setOpen(null)} /> : null}
      </CardBody>
    </Card>
  );
}
