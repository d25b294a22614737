"use client";

import { useId, useState } from "react";
import type { ExperimentType } from "@/core/experiments/enums";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { CloseIcon, PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
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
  rowKey: string;
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

function toRow(variant: VariantDraft, index: number, splitUrl: boolean): Row {
  const url = variant.configuration.url;
  return {
    rowKey: variant.id ?? `new-${index}`,
    id: variant.id,
    name: variant.name,
    description: variant.description ?? "",
    allocation: String(variant.trafficAllocation),
    configuration: configurationText(variant.configuration, splitUrl),
    url: typeof url === "string" ? url : "",
  };
}

/** Even shares that add up to exactly 100 with at most two decimals: 3 → 33.34, 33.33, 33.33. */
function evenShares(count: number): string[] {
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
 * Variants as editable table rows, submitted as `variants.N.*` fields (the schema's paths, so errors land
 * on their row) with the control chosen by a radio group. The coverage bar follows the allocations as
 * they are typed.
 */
export function VariantRowsEditor({ initial, experimentType, errors, canRemoveStored = true, removeHint }: VariantRowsEditorProps) {
  const splitUrl = experimentType === "SPLIT_URL";
  const [rows, setRows] = useState<Row[]>(() => initial.map((variant, index) => toRow(variant, index, splitUrl)));
  const [control, setControl] = useState(() => Math.max(0, initial.findIndex((variant) => variant.isControl)));
  const [added, setAdded] = useState(0);
  const idBase = useId();

  const update = (index: number, change: Partial<Row>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const remove = (index: number) => {
    setRows((current) => current.filter((_, i) => i !== index));
    setControl((current) => (current === index ? 0 : current > index ? current - 1 : current));
  };
  const add = () => {
    setRows((current) => [...current, { rowKey: `added-${added}`, name: `variant-${current.length + 1}`, description: "", allocation: "0", configuration: "", url: "" }]);
    setAdded((n) => n + 1);
  };
  const splitEvenly = () =>
    setRows((current) => {
      const shares = evenShares(current.length);
      return current.map((row, i) => ({ ...row, allocation: shares[i] ?? row.allocation }));
    });
  const setErrors = errors.variants;

  return (
    <div className="space-y-4">
      {setErrors ? (
        <p role="alert" className="text-[13px] text-danger-700">
          {setErrors.join(" ")}
        </p>
      ) : null}
      <Table aria-label="Variants" containerClassName="shadow-none">
        <THead>
          <Tr>
            <Th className="w-[28%]">Name</Th>
            <Th>Control</Th>
            <Th className="w-28">Allocation</Th>
            {splitUrl ? <Th className="w-[26%]">URL</Th> : null}
            <Th>Configuration (JSON)</Th>
            <Th>
              <span className="sr-only">Remove</span>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((row, index) => {
            const n = index + 1;
            const path = `variants.${index}`;
            const removable = canRemoveStored || row.id === undefined;
            const rowErrors = [...(errors[`${path}.isControl`] ?? []), ...(errors[`${path}.id`] ?? [])];
            return (
              <Tr key={row.rowKey} className="align-top">
                <Td className="align-top">
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
                </Td>
                <Td className="align-top">
                  <div className="flex h-9 items-center">
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
                      Variant {n} is the control
                    </label>
                  </div>
                </Td>
                <Td className="align-top">
                  <Field label={`Variant ${n} allocation (%)`} hideLabel error={errors[`${path}.trafficAllocation`]}>
                    {(c) => (
                      <div className="relative">
                        <Input
                          {...c}
                          name={`${path}.trafficAllocation`}
                          inputMode="decimal"
                          className="pr-7 text-right tabular-nums"
                          value={row.allocation}
                          onChange={(e) => update(index, { allocation: e.target.value })}
                        />
                        <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-zinc-500">
                          %
                        </span>
                      </div>
                    )}
                  </Field>
                </Td>
                {splitUrl ? (
                  <Td className="align-top">
                    <Field label={`Variant ${n} URL`} hideLabel error={errors[`${path}.configuration.url`]}>
                      {(c) => <Input {...c} name={`${path}.url`} inputMode="url" placeholder="https://example.com/page" value={row.url} onChange={(e) => update(index, { url: e.target.value })} />}
                    </Field>
                  </Td>
                ) : null}
                <Td className="align-top">
                  <Field label={`Variant ${n} configuration (JSON)`} hideLabel error={splitUrl ? errors[`${path}.configuration`] : errorsUnder(errors, `${path}.configuration`)}>
                    {(c) => (
                      <Textarea
                        {...c}
                        name={`${path}.configuration`}
                        rows={1}
                        spellCheck={false}
                        placeholder="{}"
                        className="field-sizing-content min-h-9! min-w-40 py-1.5! font-mono text-xs/5"
                        value={row.configuration}
                        onChange={(e) => update(index, { configuration: e.target.value })}
                      />
                    )}
                  </Field>
                </Td>
                <Td className="w-10 align-top">
                  <Button
                    variant="ghost"
                    size="icon"
                    aria-label={`Remove variant ${n}`}
                    title={removable ? `Remove variant ${n}` : removeHint}
                    disabled={!removable}
                    onClick={() => remove(index)}
                  >
                    <CloseIcon />
                  </Button>
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={add}>
          <PlusIcon />
          Add variant
        </Button>
        <Button size="sm" variant="ghost" onClick={splitEvenly} disabled={rows.length === 0}>
          Split traffic evenly
        </Button>
        {!canRemoveStored && removeHint ? <span className="text-[13px] text-zinc-600">{removeHint}</span> : null}
      </div>
      <CoverageBar variants={rows.map((row) => ({ name: row.name, trafficAllocation: row.allocation.trim() === "" ? 0 : Number(row.allocation) }))} />
    </div>
  );
}
