"use client";

import { useState } from "react";
import { Field, type FieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { OPERATOR_INFO, type Rule, splitList, valueList, valueText } from "@/core/conditions/builder/builder-model";
import { valueRequired } from "@/core/conditions/builder/check-builder";

export interface RuleValueInputProps {
  rule: Rule;
  ruleNumber: number;
  /** A value that cannot be right (a list item that is not a number, a regex that does not compile). */
  error?: string;
  onChange: (value: Rule["value"]) => void;
}

/** The value control a rule's operator and type call for: none, a select, a number, a text, or a list. */
export function RuleValueInput({ rule, ruleNumber, error, onChange }: RuleValueInputProps) {
  const info = OPERATOR_INFO[rule.operator];
  if (info.arity === "none") return null;
  const isList = info.arity === "list";
  // The browser then refuses to submit the form while the message stands, as it does for `required`.
  const validity = (element: HTMLInputElement | null) => element?.setCustomValidity(error ?? "");
  return (
    <Field label={`Rule ${ruleNumber} ${isList ? "values" : "value"}`} hideLabel error={error} className="min-w-0 flex-1 basis-40 md:basis-0">
      {(control) => {
        if (info.choices !== undefined || rule.valueType === "boolean") {
          const choices = info.choices ?? ["true", "false"];
          return (
            <Select {...control} value={valueText(rule.value)} onChange={(event) => onChange(event.target.value)}>
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </Select>
          );
        }
        if (isList) {
          return (
            <ListInput
              control={control}
              values={valueList(rule.value)}
              placeholder={rule.valueType === "number" ? "1, 2, 3" : "US, CA, GB"}
              inputRef={validity}
              onChange={onChange}
            />
          );
        }
        return (
          <Input
            {...control}
            ref={validity}
            type={rule.valueType === "number" ? "number" : "text"}
            step={rule.valueType === "number" ? "any" : undefined}
            required={valueRequired(rule.operator, rule.valueType)}
            placeholder={placeholderFor(rule)}
            autoComplete="off"
            spellCheck={false}
            value={valueText(rule.value)}
            onChange={(event) => onChange(event.target.value)}
          />
        );
      }}
    </Field>
  );
}

function placeholderFor(rule: Rule): string {
  if (rule.valueType === "number") return "42";
  const info = OPERATOR_INFO[rule.operator];
  if (info.category === "Versions") return "1.2.3";
  if (rule.operator === "$regex" || rule.operator === "not_regex" || rule.operator === "$regexi") return "^pattern$";
  return "value";
}

interface ListInputProps {
  control: FieldControlProps;
  values: readonly string[];
  placeholder: string;
  inputRef: (element: HTMLInputElement | null) => void;
  onChange: (values: string[]) => void;
}

/**
 * Comma-separated items. The text is kept as typed (the model holds the parsed items), so a trailing
 * ", " survives while the next item is being typed; a list read from JSON shows as its items joined.
 */
function ListInput({ control, values, placeholder, inputRef, onChange }: ListInputProps) {
  const [draft, setDraft] = useState(() => values.join(", "));
  return (
    <Input
      {...control}
      ref={inputRef}
      required
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value);
        onChange(splitList(event.target.value));
      }}
    />
  );
}
