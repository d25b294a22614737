"use client";

import { PercentInput } from "@/components/ui/percent-input";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { RowEditor, type RowEditorColumn, useEditableRows } from "@/components/ui/row-editor";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { errorsUnder } from "@/components/experiments/field-errors";
import { evenShares } from "@/components/experiments/variant-rows-editor";
import type { FieldErrors } from "@/server/errors";
import { VALUE_TYPE_LABELS, VALUE_TYPES, type ValueType, valueText, valueTypeOf } from "./flag-form-data";
import { WeightBar } from "./weight-bar";

export interface FlagVariantDraft {
  key: string;
  value: unknown;
  weight: number;
}

interface Row {
  key: string;
  type: ValueType;
  value: string;
  weight: string;
}

const toRow = (variant: FlagVariantDraft): Row => ({ key: variant.key, type: valueTypeOf(variant.value), value: valueText(variant.value), weight: String(variant.weight) });

/** What a value of each type starts as when the type changes, so the field is never left invalid. */
const STARTING_VALUE: Record<ValueType, string> = { boolean: "true", string: "", number: "0", json: "{}" };

export const STARTING_FLAG_VARIANTS: readonly FlagVariantDraft[] = [
  { key: "control", value: "control", weight: 50 },
  { key: "treatment", value: "treatment", weight: 50 },
];

export interface FlagVariantsEditorProps {
  initial: readonly FlagVariantDraft[];
  errors: FieldErrors;
  disabled?: boolean;
}

/**
 * A multivariate flag's variants as rows (key, value type, value, weight) submitted as `variants.N.*`,
 * with a bar of the weights that says how far they are from 100%.
 */
export function FlagVariantsEditor({ initial, errors, disabled = false }: FlagVariantsEditorProps) {
  const list = useEditableRows<Row>(initial.map(toRow));
  const { rows, update } = list;

  const columns: RowEditorColumn<(typeof rows)[number]>[] = [
    {
      header: "Key",
      className: "sm:w-[24%]",
      cell: (row, index) => (
        <Field label={`Variant ${index + 1} key`} hideLabel error={errors[`variants.${index}.key`]}>
          {(c) => <Input {...c} name={`variants.${index}.key`} className="font-mono text-[13px]" spellCheck={false} autoCapitalize="none" value={row.key} onChange={(e) => update(index, { key: e.target.value })} />}
        </Field>
      ),
    },
    {
      header: "Type",
      className: "sm:w-32",
      cell: (row, index) => (
        <Field label={`Variant ${index + 1} value type`} hideLabel>
          {(c) => (
            <Select
              {...c}
              name={`variants.${index}.type`}
              value={row.type}
              onChange={(e) => {
                const type = VALUE_TYPES.find((t) => t === e.target.value) ?? "json";
                update(index, { type, value: STARTING_VALUE[type] });
              }}
            >
              {VALUE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {VALUE_TYPE_LABELS[type]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ),
    },
    {
      header: "Value",
      cell: (row, index) => (
        <Field label={`Variant ${index + 1} value`} hideLabel error={errorsUnder(errors, `variants.${index}.value`)}>
          {(c) =>
            row.type === "boolean" ? (
              <Select {...c} name={`variants.${index}.value`} value={row.value} onChange={(e) => update(index, { value: e.target.value })}>
                <option value="true">true</option>
                <option value="false">false</option>
              </Select>
            ) : row.type === "json" ? (
              <Textarea
                {...c}
                name={`variants.${index}.value`}
                rows={1}
                spellCheck={false}
                placeholder="{}"
                className="field-sizing-content min-h-9! py-1.5! font-mono text-xs/5"
                value={row.value}
                onChange={(e) => update(index, { value: e.target.value })}
              />
            ) : (
              <Input
                {...c}
                name={`variants.${index}.value`}
                inputMode={row.type === "number" ? "decimal" : undefined}
                className={row.type === "number" ? "tabular-nums" : undefined}
                value={row.value}
                onChange={(e) => update(index, { value: e.target.value })}
              />
            )
          }
        </Field>
      ),
    },
    {
      header: "Weight",
      className: "sm:w-28",
      cell: (row, index) => (
        <Field label={`Variant ${index + 1} weight (%)`} hideLabel error={errors[`variants.${index}.weight`]}>
          {(c) => (
            <PercentInput {...c} wrapperClassName="max-sm:max-w-40" name={`variants.${index}.weight`} value={row.weight} onChange={(e) => update(index, { weight: e.target.value })} />
          )}
        </Field>
      ),
    },
  ];

  return (
    <div className="space-y-4">
      <RowEditor
        label="Variants"
        itemName={(index) => `Variant ${index + 1}`}
        rows={rows}
        columns={columns}
        onRemove={list.remove}
        editable={!disabled}
        error={errors.variants}
        actions={
          disabled ? null : (
            <>
              <Button size="sm" onClick={() => list.add({ key: `variant-${rows.length + 1}`, type: "string", value: `variant-${rows.length + 1}`, weight: "0" })}>
                <PlusIcon />
                Add variant
              </Button>
              <Button size="sm" variant="ghost" onClick={() => list.updateAll((current) => evenShares(current.length).map((weight) => ({ weight })))} disabled={rows.length === 0}>
                Split evenly
              </Button>
            </>
          )
        }
      />
      <WeightBar variants={rows.map((row) => ({ key: row.key, weight: row.weight.trim() === "" ? 0 : Number(row.weight) }))} />
    </div>
  );
}
