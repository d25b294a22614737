"use client";

import { useState } from "react";
import { METRIC_TYPES, type MetricType } from "@/core/experiments/enums";
import { FormMessage } from "@/components/auth/form-message";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { metricSchema, updateMetricSchema } from "@/server/services/experiments/experiment.schema";
import { metricFromForm } from "./experiment-form-data";
import { METRIC_TYPE_HINTS } from "./metric-labels";
import { AggregationOptions, MetricTypeOptions } from "./metric-options";
import { PendingButton } from "./pending-button";
import { type FormAction, checkWith, useCheckedAction } from "./use-checked-action";

const checkNew = checkWith(metricSchema, (form) => metricFromForm(form));
const checkChange = checkWith(updateMetricSchema, (form) => metricFromForm(form));

/** A metric definition as the form shows it: every field of the seed's Metric. */
export interface MetricValues {
  id: string;
  name: string;
  description: string | null;
  eventName: string;
  metricType: MetricType;
  isPrimary: boolean;
  aggregationMethod: string | null;
  minimumSampleSize: number | null;
  expectedEffect: number | null;
  eventValuePath: string | null;
  lowerIsBetter: boolean;
}

export interface MetricFormProps {
  experimentId: string;
  /** The metric being edited; absent for a new one. */
  metric?: MetricValues;
  action: FormAction;
  onClose: () => void;
}

/** Adds or edits one metric definition. A custom metric also says how and from where its value is read. */
export function MetricForm({ experimentId, metric, action, onClose }: MetricFormProps) {
  const [metricType, setMetricType] = useState<MetricType>(metric?.metricType ?? "CONVERSION");
  const { pending, errors, message, onSubmit } = useCheckedAction(action, metric ? checkChange : checkNew, onClose);
  const title = metric ? `Edit metric “${metric.name}”` : "New metric";

  return (
    <form onSubmit={onSubmit} aria-label={title} className="space-y-4 rounded-lg border border-zinc-200 bg-zinc-50 p-4">
      <h3 className="font-semibold text-zinc-900">{title}</h3>
      <input type="hidden" name="experimentId" value={experimentId} />
      {metric ? <input type="hidden" name="metricId" value={metric.id} /> : null}
      {message ? <FormMessage>{message}</FormMessage> : null}
      <div className="grid gap-x-5 gap-y-4 sm:grid-cols-2">
        <Field label="Metric name" error={errors.name}>
          {(c) => <Input {...c} name="name" placeholder="Checkout conversion" maxLength={200} defaultValue={metric?.name} />}
        </Field>
        <Field label="Event name" error={errors.eventName} hint="The event type the SDKs track.">
          {(c) => <Input {...c} name="eventName" placeholder="checkout_completed" maxLength={200} className="font-mono" defaultValue={metric?.eventName} />}
        </Field>
        <Field label="Metric type" error={errors.metricType} hint={METRIC_TYPE_HINTS[metricType]}>
          {(c) => (
            <Select {...c} name="metricType" value={metricType} onChange={(e) => setMetricType(METRIC_TYPES.find((t) => t === e.target.value) ?? metricType)}>
              <MetricTypeOptions />
            </Select>
          )}
        </Field>
        <Field label="Description" error={errors.description} hint="Optional.">
          {(c) => <Textarea {...c} name="description" rows={1} className="min-h-9" maxLength={2000} defaultValue={metric?.description ?? ""} />}
        </Field>
        {metricType === "CUSTOM" ? (
          <>
            <Field label="Aggregation" error={errors.aggregationMethod} hint="How a user's values fold into one number.">
              {(c) => (
                <Select {...c} name="aggregationMethod" defaultValue={metric?.aggregationMethod ?? ""}>
                  <AggregationOptions placeholder="Choose…" />
                </Select>
              )}
            </Field>
            <Field label="Value path" error={errors.eventValuePath} hint="Where the number sits in the event's metadata, e.g. $.order.total.">
              {(c) => <Input {...c} name="eventValuePath" className="font-mono" maxLength={500} defaultValue={metric?.eventValuePath ?? ""} />}
            </Field>
          </>
        ) : null}
        <Field label="Minimum sample size" error={errors.minimumSampleSize} hint="Optional. Users per variant before a verdict is shown.">
          {(c) => <Input {...c} name="minimumSampleSize" inputMode="numeric" defaultValue={metric?.minimumSampleSize ?? ""} />}
        </Field>
        <Field label="Expected effect" error={errors.expectedEffect} hint="Optional. The relative lift you hope to detect, e.g. 0.05 for 5%.">
          {(c) => <Input {...c} name="expectedEffect" inputMode="decimal" defaultValue={metric?.expectedEffect ?? ""} />}
        </Field>
      </div>
      <div className="flex flex-wrap gap-x-8 gap-y-3">
        <input type="hidden" name="isPrimary.present" value="1" />
        <Checkbox name="isPrimary" label="Primary metric" description="Primary metrics decide the experiment." defaultChecked={metric?.isPrimary ?? false} />
        <input type="hidden" name="lowerIsBetter.present" value="1" />
        <Checkbox name="lowerIsBetter" label="Lower is better" description="E.g. load time or churn." defaultChecked={metric?.lowerIsBetter ?? false} />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <PendingButton pending={pending} pendingLabel="Saving…">
          {metric ? "Save metric" : "Add metric"}
        </PendingButton>
      </div>
    </form>
  );
}
