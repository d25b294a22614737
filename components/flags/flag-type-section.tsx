"use client";

import { useState } from "react";
import { cx } from "@/components/ui/class-names";
import type { FieldErrors } from "@/server/errors";
import { FlagVariantsEditor, type FlagVariantDraft, STARTING_FLAG_VARIANTS } from "./flag-variants-editor";

export type FlagType = "boolean" | "multivariate";

const TYPES: readonly { value: FlagType; label: string; description: string }[] = [
  { value: "boolean", label: "Boolean", description: "On or off: true for users who get it, false for the rest." },
  { value: "multivariate", label: "Multivariate", description: "One of several values (text, numbers or JSON), split by weight." },
];

export interface FlagTypeSectionProps {
  /** The stored variants (null: a boolean flag). */
  variants: readonly FlagVariantDraft[] | null;
  errors: FieldErrors;
  /** Said under the choice when the type may change on a flag that has overrides. */
  note?: string;
  readOnly?: boolean;
}

/** Boolean or multivariate (`flagType`), and for a multivariate flag its variants editor. */
export function FlagTypeSection({ variants, errors, note, readOnly = false }: FlagTypeSectionProps) {
  const [type, setType] = useState<FlagType>(variants === null ? "boolean" : "multivariate");
  return (
    <div className="space-y-4">
      <fieldset className="min-w-0">
        <legend className="mb-1.5 font-medium text-zinc-900">Type</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {TYPES.map((option) => {
            const chosen = option.value === type;
            return (
              <label
                key={option.value}
                className={cx(
                  "flex cursor-pointer gap-3 rounded-lg border px-3.5 py-3 transition-colors has-disabled:cursor-not-allowed",
                  chosen ? "border-accent-500 bg-accent-50/60 ring-1 ring-accent-500" : "border-zinc-300 bg-white hover:border-zinc-400",
                )}
              >
                <input
                  type="radio"
                  name="flagType"
                  value={option.value}
                  checked={chosen}
                  onChange={() => setType(option.value)}
                  className="mt-1 size-4 shrink-0 accent-accent-600"
                />
                <span className="min-w-0">
                  <span className="block font-medium text-zinc-900">{option.label}</span>
                  <span className="block text-[13px] text-zinc-600">{option.description}</span>
                </span>
              </label>
            );
          })}
        </div>
        {note ? <p className="mt-2 text-[13px] text-zinc-600">{note}</p> : null}
      </fieldset>
      {type === "multivariate" ? <FlagVariantsEditor initial={variants ?? STARTING_FLAG_VARIANTS} errors={errors} disabled={readOnly} /> : null}
    </div>
  );
}
