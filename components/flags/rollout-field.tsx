"use client";

import { PercentInput } from "@/components/ui/percent-input";
import { useId, useState } from "react";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/server/errors";

export interface RolloutFieldProps {
  defaultValue: number;
  errors: FieldErrors;
}

/**
 * The flag's gradual rollout: a slider for the feel and a number for the exact figure, one value. Users
 * whose bucket is below it get the flag on when no rule decided (DESIGN §5); raising it keeps those in.
 */
export function RolloutField({ defaultValue, errors }: RolloutFieldProps) {
  const [value, setValue] = useState(String(defaultValue));
  const sliderId = useId();
  const numeric = Number(value);
  return (
    <Field
      label="Rollout percentage"
      error={errors.rolloutPercentage}
      hint="Share of users who get the flag on when no override or rule decided. Raising it keeps everyone who already has it."
    >
      {(c) => (
        <div className="flex items-center gap-4">
          <label htmlFor={sliderId} className="sr-only">
            Rollout slider
          </label>
          <input
            id={sliderId}
            type="range"
            min={0}
            max={100}
            step={1}
            value={Number.isFinite(numeric) ? Math.min(100, Math.max(0, numeric)) : 0}
            onChange={(e) => setValue(e.target.value)}
            className="h-2 min-w-0 flex-1 cursor-pointer accent-accent-600 disabled:cursor-not-allowed"
          />
          <PercentInput {...c} wrapperClassName="w-28 shrink-0" name="rolloutPercentage" value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
      )}
    </Field>
  );
}
