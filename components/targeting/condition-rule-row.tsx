"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CloseIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  BUILDER_OPERATORS,
  type BuilderOperator,
  OPERATOR_INFO,
  type OperatorCategory,
  type Rule,
  VALUE_TYPE_LABELS,
  type ValueType,
  isBuilderOperator,
} from "@/core/conditions/builder/builder-model";
import type { RuleProblem } from "@/core/conditions/builder/check-builder";
import { changeOperator, changeValueType } from "@/core/conditions/builder/edit-builder";
import { RuleValueInput } from "./rule-value-input";

const CATEGORIES: readonly OperatorCategory[] = ["Compare", "Lists", "Text", "Presence", "Versions"];

const operatorsBy = (category: OperatorCategory): BuilderOperator[] =>
  BUILDER_OPERATORS.filter((operator) => OPERATOR_INFO[operator].category === category);

export interface ConditionRuleRowProps {
  rule: Rule;
  ruleNumber: number;
  /** The id of the editor's <datalist> of attribute names. */
  attributeListId: string;
  problems: readonly RuleProblem[];
  onChange: (rule: Rule) => void;
  onRemove: () => void;
}

/** One rule: attribute, operator, value(s) and, where the operator accepts several, the value's type. */
export function ConditionRuleRow({ rule, ruleNumber, attributeListId, problems, onChange, onRemove }: ConditionRuleRowProps) {
  const info = OPERATOR_INFO[rule.operator];
  // Only typed-but-wrong input is shown inline; empty fields are left to the browser's `required` check.
  const invalid = (field: RuleProblem["field"]) =>
    problems.find((problem) => problem.field === field && problem.kind === "invalid")?.message;
  const attributeError = invalid("attribute");

  return (
    <div className="flex flex-wrap items-start gap-2 md:flex-nowrap">
      <Field label={`Rule ${ruleNumber} attribute`} hideLabel error={attributeError} className="w-full min-w-0 sm:w-[calc(50%-0.25rem)] md:w-40">
        {(control) => (
          <Input
            {...control}
            ref={(element) => element?.setCustomValidity(attributeError ?? "")}
            list={attributeListId}
            required
            placeholder="attribute"
            autoComplete="off"
            spellCheck={false}
            className="font-mono text-[13px]"
            value={rule.attribute}
            onChange={(event) => onChange({ ...rule, attribute: event.target.value })}
          />
        )}
      </Field>
      <Field label={`Rule ${ruleNumber} operator`} hideLabel className="w-full min-w-0 sm:w-[calc(50%-0.25rem)] md:w-52">
        {(control) => (
          <Select
            {...control}
            value={rule.operator}
            onChange={(event) => {
              if (isBuilderOperator(event.target.value)) onChange(changeOperator(rule, event.target.value));
            }}
          >
            {CATEGORIES.map((category) => (
              <optgroup key={category} label={category}>
                {operatorsBy(category).map((operator) => (
                  <option key={operator} value={operator}>
                    {OPERATOR_INFO[operator].label}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
      </Field>
      <RuleValueInput
        rule={rule}
        ruleNumber={ruleNumber}
        error={invalid("value")}
        onChange={(value) => onChange({ ...rule, value })}
      />
      {info.valueTypes.length > 1 ? (
        <Field label={`Rule ${ruleNumber} value type`} hideLabel className="w-32 min-w-0 md:w-28">
          {(control) => (
            <Select
              {...control}
              value={rule.valueType}
              onChange={(event) => {
                const valueType = info.valueTypes.find((type) => type === event.target.value);
                if (valueType !== undefined) onChange(changeValueType(rule, valueType));
              }}
            >
              {info.valueTypes.map((type: ValueType) => (
                <option key={type} value={type}>
                  {VALUE_TYPE_LABELS[type]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      {info.arity === "none" ? <div aria-hidden="true" className="hidden flex-1 md:block" /> : null}
      <Button variant="ghost" size="icon" aria-label={`Remove rule ${ruleNumber}`} title="Remove rule" onClick={onRemove}>
        <CloseIcon />
      </Button>
    </div>
  );
}
