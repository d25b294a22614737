"use client";

import { METRIC_TYPES, type MetricType } from "@/core/experiments/enums";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { RowEditor, type RowEditorColumn, useEditableRows } from "@/components/ui/row-editor";
import { Select } from "@/components/ui/select";
import type { FieldErrors } from "@/server/errors";
import { AggregationOptions, MetricTypeOptions } from "./metric-options";

export interface MetricRowDraft {
  name: string;
  eventName: string;
  metricType: MetricType;
  isPrimary: boolean;
}

/**
 * The first metrics of a new experiment as `metricDefinitions.N.*` rows (a RowEditor): name, event, type and
 * whether it is primary (a custom metric also asks how to aggregate which value). The rest is edited on the
 * experiment's page.
 */
export function MetricRowsEditor({ initial, errors }: { initial: readonly MetricRowDraft[]; errors: FieldErrors }) {
  const list = useEditableRows(initial);
  const { rows, update } = list;
  const path = (index: number) => `metricDefinitions.${index}`;

  const columns: RowEditorColumn<(typeof rows)[number]>[] = [
    {
      header: "Name",
      cell: (row, index) => (
        <Field label={`Metric ${index + 1} name`} hideLabel error={errors[`${path(index)}.name`]}>
          {(c) => <Input {...c} name={`${path(index)}.name`} placeholder="Checkout conversion" value={row.name} onChange={(e) => update(index, { name: e.target.value })} />}
        </Field>
      ),
    },
    {
      header: "Event name",
      cell: (row, index) => (
        <Field label={`Metric ${index + 1} event name`} hideLabel error={errors[`${path(index)}.eventName`]}>
          {(c) => (
            <Input {...c} name={`${path(index)}.eventName`} placeholder="checkout_completed" className="font-mono" value={row.eventName} onChange={(e) => update(index, { eventName: e.target.value })} />
          )}
        </Field>
      ),
    },
    {
      header: "Type",
      cell: (row, index) => (
        <div className="space-y-1.5">
          <Field label={`Metric ${index + 1} type`} hideLabel error={errors[`${path(index)}.metricType`]}>
            {(c) => (
              <Select {...c} name={`${path(index)}.metricType`} value={row.metricType} onChange={(e) => update(index, { metricType: METRIC_TYPES.find((t) => t === e.target.value) ?? row.metricType })}>
                <MetricTypeOptions />
              </Select>
            )}
          </Field>
          {row.metricType === "CUSTOM" ? (
            <>
              <Field label={`Metric ${index + 1} aggregation`} hideLabel error={errors[`${path(index)}.aggregationMethod`]}>
                {(c) => (
                  <Select {...c} name={`${path(index)}.aggregationMethod`} defaultValue="">
                    <AggregationOptions placeholder="Aggregation…" />
                  </Select>
                )}
              </Field>
              <Field label={`Metric ${index + 1} value path`} hideLabel error={errors[`${path(index)}.eventValuePath`]}>
                {(c) => <Input {...c} name={`${path(index)}.eventValuePath`} placeholder="$.order.total" className="font-mono" />}
              </Field>
            </>
          ) : null}
        </div>
      ),
    },
    {
      header: "Primary",
      cell: (row, index) => (
        <div className="flex h-9 items-center gap-2">
          <input type="hidden" name={`${path(index)}.isPrimary.present`} value="1" />
          <input
            type="checkbox"
            name={`${path(index)}.isPrimary`}
            aria-label={`Metric ${index + 1} is primary`}
            checked={row.isPrimary}
            onChange={(e) => update(index, { isPrimary: e.target.checked })}
            className="size-4 cursor-pointer accent-accent-600"
          />
          <span aria-hidden="true" className="text-[13px] text-zinc-600 sm:hidden">
            Primary metrics decide the experiment
          </span>
        </div>
      ),
    },
  ];

  return (
    <RowEditor
      label="Metrics"
      itemName={(index) => `Metric ${index + 1}`}
      rows={rows}
      columns={columns}
      onRemove={list.remove}
      error={errors.metricDefinitions}
      actions={
        <Button size="sm" onClick={() => list.add({ name: "", eventName: "", metricType: "CONVERSION", isPrimary: rows.length === 0 })}>
          <PlusIcon />
          Add metric
        </Button>
      }
    />
  );
}
