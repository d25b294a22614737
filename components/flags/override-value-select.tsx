import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { FlagVariant } from "@/core/flags/flag-definition";
import { displayValue } from "./flag-form-data";

export interface OverrideValueSelectProps {
  label?: string;
  /** The flag's variants; null for a boolean flag. */
  variants: readonly FlagVariant[] | null;
  /** The current value, when editing. */
  defaultValue?: unknown;
  error?: readonly string[];
}

/**
 * An override's value, typed by the flag: true or false for a boolean flag, one of the variants' values
 * (named by key and value) for a multivariate one. Submitted as JSON text in `value`.
 */
export function OverrideValueSelect({ label = "Value", variants, defaultValue, error }: OverrideValueSelectProps) {
  const options =
    variants === null
      ? [
          { value: "true", label: "true (on)" },
          { value: "false", label: "false (off)" },
        ]
      : variants.map((variant) => ({ value: JSON.stringify(variant.value), label: `${variant.key}: ${displayValue(variant.value)}` }));
  const initial = defaultValue === undefined ? options[0]?.value : JSON.stringify(defaultValue);
  // A stored value the flag no longer offers stays visible, so saving the row unchanged says why it is refused.
  if (initial !== undefined && !options.some((o) => o.value === initial)) options.push({ value: initial, label: `${initial} (no longer a value of this flag)` });
  return (
    <Field label={label} error={error} hint={variants === null ? "On (true) or off (false) for this user." : "The variant this user gets."}>
      {(c) => (
        <Select {...c} name="value" defaultValue={initial}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
