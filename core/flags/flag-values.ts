/**
 * Which values a flag can hold (issue 7, "Overrides"): a boolean flag takes `true` or `false`; a
 * multivariate flag one of its variants' values. And the checks that keep a flag's definition evaluable:
 * variant weights summing to 100, unique keys, rules serving something the flag has.
 */
import { sameJson } from "./evaluate-flag";
import type { EvaluableFlag, FlagRule, FlagVariant } from "./flag-definition";

/** Why `value` cannot be an override of the flag, or null when it can. */
export function overrideValueProblem(flag: Pick<EvaluableFlag, "variants">, value: unknown): string | null {
  if (flag.variants === null) {
    return typeof value === "boolean" ? null : "A boolean flag takes true or false.";
  }
  if (flag.variants.some((v) => sameJson(v.value, value))) return null;
  const keys = flag.variants.map((v) => v.key).join(", ");
  return `Choose the value of one of the flag's variants (${keys}).`;
}

export interface DefinitionProblem {
  /** Dotted path of the field, as forms name it: `variants.1.weight`, `targetingRules.0.serve`. */
  readonly field: string;
  readonly message: string;
}

const WEIGHT_TOLERANCE = 1e-6;

export function variantProblems(variants: readonly FlagVariant[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (variants.length < 2) problems.push({ field: "variants", message: "A multivariate flag has at least 2 variants." });
  const seen = new Set<string>();
  variants.forEach((variant, index) => {
    if (seen.has(variant.key)) problems.push({ field: `variants.${index}.key`, message: `The key "${variant.key}" is used twice.` });
    seen.add(variant.key);
    if (variant.key === "on" || variant.key === "off") {
      problems.push({ field: `variants.${index}.key`, message: `"${variant.key}" is reserved for what rules serve; choose another key.` });
    }
  });
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  if (variants.length > 0 && Math.abs(total - 100) > WEIGHT_TOLERANCE) {
    problems.push({ field: "variants", message: `Variant weights must sum to 100; they sum to ${Number(total.toFixed(6))}.` });
  }
  const values = variants.map((v) => v.value);
  values.forEach((value, index) => {
    if (values.findIndex((other) => sameJson(other, value)) < index) {
      problems.push({ field: `variants.${index}.value`, message: "Two variants have the same value; overrides could not tell them apart." });
    }
  });
  return problems;
}

export function ruleProblems(rules: readonly FlagRule[], variants: readonly FlagVariant[] | null): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const ids = new Set<string>();
  rules.forEach((rule, index) => {
    if (ids.has(rule.id)) problems.push({ field: `targetingRules.${index}.id`, message: `The rule id "${rule.id}" is used twice.` });
    ids.add(rule.id);
    const serve = rule.serve ?? "on";
    if (serve === "on" || serve === "off") return;
    if (variants === null) {
      problems.push({ field: `targetingRules.${index}.serve`, message: 'A boolean flag serves "on" or "off".' });
    } else if (!variants.some((v) => v.key === serve)) {
      problems.push({ field: `targetingRules.${index}.serve`, message: `Serve "on", "off" or a variant key; "${serve}" is not one.` });
    }
  });
  return problems;
}

/** Every problem of a flag's variants and rules together: rules are checked against the variants they would serve. */
export function definitionProblems(flag: Pick<EvaluableFlag, "variants" | "targetingRules">): DefinitionProblem[] {
  return [...(flag.variants === null ? [] : variantProblems(flag.variants)), ...ruleProblems(flag.targetingRules, flag.variants)];
}
