"use client";

import { useState } from "react";
import { AGGREGATION_METHODS, METRIC_TYPES, type MetricType } from "@/core/experiments/enums";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { CloseIcon, PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FieldErrors } from "@/server/errors";
import { AGGREGATION_LABELS, METRIC_TYPE_LABELS } from "./metric-labels";

export interface MetricRowDraft {
  name: string;
  eventName: string;
  metricType: MetricType;
  isPrimary: boolean;
}

interface Row extends MetricRowDraft {
  rowKey: number;
}

/**
 * The first metrics of a new experiment as `metricDefinitions.N.*` rows: name, event, type and whether it
 * is primary (a custom metric also asks how to aggregate which value). The rest is edited on the
 * experiment's page.
 */
export function MetricRowsEditor({ initial, errors }: { initial: readonly MetricRowDraft[]; errors: FieldErrors }) {
  const [rows, setRows] = useState<Row[]>(() => initial.map((metric, index) => ({ ...metric, rowKey: index })));
  const [nextKey, setNextKey] = useState(initial.length);
  const update = (index: number, change: Partial<Row>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <div className="space-y-3">
      <Table aria-label="Metrics" containerClassName="shadow-none">
        <THead>
          <Tr>
            <Th>Name</Th>
            <Th>Event name</Th>
            <Th>Type</Th>
            <Th>Primary</Th>
            <Th>
              <span className="sr-only">Remove</span>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((row, index) => {
            const n = index + 1;
            const path = `metricDefinitions.${index}`;
            return (
              <Tr key={row.rowKey}>
                <Td className="align-top">
                  <Field label={`Metric ${n} name`} hideLabel error={errors[`${path}.name`]}>
                    {(c) => <Input {...c} name={`${path}.name`} placeholder="Checkout conversion" value={row.name} onChange={(e) => update(index, { name: e.target.value })} />}
                  </Field>
                </Td>
                <Td className="align-top">
                  <Field label={`Metric ${n} event name`} hideLabel error={errors[`${path}.eventName`]}>
                    {(c) => (
                      <Input {...c} name={`${path}.eventName`} placeholder="checkout_completed" className="font-mono" value={row.eventName} onChange={(e) => update(index, { eventName: e.target.value })} />
                    )}
                  </Field>
                </Td>
                <Td className="space-y-1.5 align-top">
                  <Field label={`Metric ${n} type`} hideLabel error={errors[`${path}.metricType`]}>
                    {(c) => (
                      <Select
                        {...c}
                        name={`${path}.metricType`}
                        value={row.metricType}
                        onChange={(e) => update(index, { metricType: METRIC_TYPES.find((t) => t === e.target.value) ?? row.metricType })}
                      >
                        {METRIC_TYPES.map((type) => (
                          <option key={type} value={type}>
                            {METRIC_TYPE_LABELS[type]}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                  {row.metricType === "CUSTOM" ? (
                    <>
                      <Field label={`Metric ${n} aggregation`} hideLabel error={errors[`${path}.aggregationMethod`]}>
                        {(c) => (
                          <Select {...c} name={`${path}.aggregationMethod`} defaultValue="">
                            <option value="">Aggregation…</option>
                            {AGGREGATION_METHODS.map((method) => (
                              <option key={method} value={method}>
                                {AGGREGATION_LABELS[method]}
                              </option>
                            ))}
                          </Select>
                        )}
                      </Field>
                      <Field label={`Metric ${n} value path`} hideLabel error={errors[`${path}.eventValuePath`]}>
                        {(c) => <Input {...c} name={`${path}.eventValuePath`} placeholder="$.order.total" className="font-mono" />}
                      </Field>
                    </>
                  ) : null}
                </Td>
                <Td className="align-top">
                  <div className="flex h-9 items-center">
                    <input type="hidden" name={`${path}.isPrimary.present`} value="1" />
                    <input
                      type="checkbox"
                      name={`${path}.isPrimary`}
                      aria-label={`Metric ${n} is primary`}
                      checked={row.isPrimary}
                      onChange={(e) => update(index, { isPrimary: e.target.checked })}
                      className="size-4 cursor-pointer accent-accent-600"
                    />
                  </div>
                </Td>
                <Td className="w-10 align-top">
                  <Button variant="ghost" size="icon" aria-label={`Remove metric ${n}`} onClick={() => setRows((current) => current.filter((_, i) => i !== index))}>
                    <CloseIcon />
                  </Button>
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
      {errors.metricDefinitions ? <p className="text-[13px] text-danger-700">{errors.metricDefinitions.join(" ")}</p> : null}
      <Button
        size="sm"
        onClick={() => {
          setRows((current) => [...current, { rowKey: nextKey, name: "", eventName: "", metricType: "CONVERSION", isPrimary: current.length === 0 }]);
          setNextKey((k) => k + 1);
        }}
      >
        <PlusIcon />
        Add metric
      </Button>
    </div>
  );
}
