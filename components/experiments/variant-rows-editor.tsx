"use client";

import { PercentInput } from "@/components/ui/percent-input";
import { useId, useState } from "react";
import type { ExperimentType } from "@/core/experiments/enums";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { RowEditor, type RowEditorColumn, useEditableRows } from "@/components/ui/row-editor";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/server/errors";
import { CoverageBar } from "./coverage-bar";
import { errorsUnder } from "./field-errors";

/** A variant as the editor starts from it: a stored one (with its id) or a suggested one. */
export interface VariantDraft {
  id?: string;
  name: string;
  description?: string | null;
  isControl: boolean;
  trafficAllocation: number;
  configuration: Record<string, unknown>;
}

interface Row {
  id?: string;
  name: string;
  description: string;
  allocation: string;
  configuration: string;
  url: string;
}

/** The JSON shown for a configuration; a split-URL variant's URL has its own column. */
function configurationText(configuration: Record<string, unknown>, splitUrl: boolean): string {
  const { url: _url, ...rest } = configuration;
  const shown = splitUrl ? rest : configuration;
  return Object.keys(shown).length === 0 ? "" : JSON.stringify(shown);
}

function toRow(variant: VariantDraft, splitUrl: boolean): Row {
  const url = variant.configuration.url;
  return {
    id: variant.id,
    name: variant.name,
    description: variant.description ?? "",
    allocation: String(variant.trafficAllocation),
    configuration: configurationText(variant.configuration, splitUrl),
    url: typeof url === "string" ? url : "",
  };
}

/** Even shares that add up to exactly 100 with at most two decimals: 3 → 33.34, 33.33, 33.33. */
export function evenShares(count: number): string[] {
  const cents = Math.floor(10000 / count);
  return Array.from({ length: count }, (_, index) => String((cents + (index < 10000 - cents * count ? 1 : 0)) / 100));
}

export interface VariantRowsEditorProps {
  initial: readonly VariantDraft[];
  experimentType: ExperimentType;
  errors: FieldErrors;
  /** False while the experiment runs or is paused: its variants have users. */
  canRemoveStored?: boolean;
  removeHint?: string;
}

/**
 * Variants as editable rows (a RowEditor), submitted as `variants.N.*` fields (the schema's paths, so errors
 * land on their row) with the control chosen by a radio group. The coverage bar follows the allocations as
 * they are typed.
 */
export function VariantRowsEditor({ initial, experimentType, errors, canRemoveStored = true, removeHint }: VariantRowsEditorProps) {
  const splitUrl = experimentType === "SPLIT_URL";
  const list = useEditableRows<Row>(
    initial.map((variant) => toRow(variant, splitUrl)),
    (row) => row.id,
  );
  const [control, setControl] = useState(() => Math.max(0, initial.findIndex((variant) => variant.isControl)));
  const idBase = useId();
  const { rows, update } = list;

  const remove = (index: number) => {
    list.remove(index);
    setControl((current) => (current === index ? 0 : current > index ? current - 1 : current));
  };
  const splitEvenly = () => list.updateAll((current) => evenShares(current.length).map((allocation) => ({ allocation })));

  const columns: RowEditorColumn<(typeof rows)[number]>[] = [
    {
      header: "Name",
      className: "sm:w-[28%]",
      cell: (row, index) => {
        const n = index + 1;
        const path = `variants.${index}`;
        const rowErrors = [...(errors[`${path}.isControl`] ?? []), ...(errors[`${path}.id`] ?? [])];
        return (
          <>
            {row.id ? <input type="hidden" name={`${path}.id`} value={row.id} /> : null}
            <Field label={`Variant ${n} name`} hideLabel error={errors[`${path}.name`]}>
              {(c) => <Input {...c} name={`${path}.name`} value={row.name} onChange={(e) => update(index, { name: e.target.value })} />}
            </Field>
            <Field label={`Variant ${n} description`} hideLabel className="mt-1.5" error={errors[`${path}.description`]}>
              {(c) => (
                <Input {...c} name={`${path}.description`} placeholder="Description (optional)" className="h-8 text-[13px]" value={row.description} onChange={(e) => update(index, { description: e.target.value })} />
              )}
            </Field>
            {rowErrors.length > 0 ? <p className="mt-1 text-[13px] text-danger-700">{rowErrors.join(" ")}</p> : null}
          </>
        );
      },
    },
    {
      header: "Control",
      cell: (_row, index) => (
        <div className="flex h-9 items-center gap-2">
          <input
            type="radio"
            id={`${idBase}-control-${index}`}
            name="control"
            value={index}
            checked={control === index}
            onChange={() => setControl(index)}
            className="size-4 cursor-pointer accent-accent-600"
          />
          <label htmlFor={`${idBase}-control-${index}`} className="sr-only">
            Variant {index + 1} is the control
          </label>
          {/* The card layout's visible words; the radio keeps its own label, so this only echoes a click. */}
          <span aria-hidden="true" onClick={() => setControl(index)} className="cursor-pointer text-[13px] text-zinc-600 sm:hidden">
            {control === index ? "This is the control" : "Make this the control"}
          </span>
        </div>
      ),
    },
    {
      header: "Allocation",
      className: "sm:w-28",
      cell: (row, index) => (
        <Field label={`Variant ${index + 1} allocation (%)`} hideLabel error={errors[`variants.${index}.trafficAllocation`]}>
          {(c) => (
            <PercentInput {...c} wrapperClassName="max-sm:max-w-40" name={`variants.${index}.trafficAllocation`} value={row.allocation} onChange={(e) => update(index, { allocation: e.target.value })} />
          )}
        </Field>
      ),
    },
    ...(splitUrl
      ? [
          {
            header: "URL",
            className: "sm:w-[26%]",
            cell: (row: (typeof rows)[number], index: number) => (
              <Field label={`Variant ${index + 1} URL`} hideLabel error={errors[`variants.${index}.configuration.url`]}>
                {(c) => <Input {...c} name={`variants.${index}.url`} inputMode="url" placeholder="https://example.com/page" value={row.url} onChange={(e) => update(index, { url: e.target.value })} />}
              </Field>
            ),
          },
        ]
      : []),
    {
      header: "Configuration (JSON)",
      cell: (row, index) => {
        const path = `variants.${index}.configuration`;
        return (
          <Field label={`Variant ${index + 1} configuration (JSON)`} hideLabel error={splitUrl ? errors[path] : errorsUnder(errors, path)}>
            {(c) => (
              <Textarea
                {...c}
                name={path}
                rows={1}
                spellCheck={false}
                placeholder="{}"
                className="field-sizing-content min-h-9! min-w-40 py-1.5! font-mono text-xs/5"
                value={row.configuration}
                onChange={(e) => update(index, { configuration: e.target.value })}
              />
            )}
          </Field>
        );
      },
    },
  ];

  return (
    <div className="space-y-4">
      <RowEditor
        label="Variants"
        itemName={(index) => `Variant ${index + 1}`}
        rows={rows}
        columns={columns}
        onRemove={remove}
        removable={(row) => canRemoveStored || row.id === undefined}
        removeHint={removeHint}
        error={errors.variants}
        actions={
          <>
            <Button size="sm" onClick={() => list.add({ name: `variant-${rows.length + 1}`, description: "", allocation: "0", configuration: "", url: "" })}>
              <PlusIcon />
              Add variant
            </Button>
            <Button size="sm" variant="ghost" onClick={splitEvenly} disabled={rows.length === 0}>
              Split traffic evenly
            </Button>
            {!canRemoveStored && removeHint ? <span className="text-[13px] text-zinc-600">{removeHint}</span> : null}
          </>
        }
      />
      <CoverageBar variants={rows.map((row) => ({ name: row.name, trafficAllocation: row.allocation.trim() === "" ? 0 : Number(row.allocation) }))} />
    </div>
  );
}
