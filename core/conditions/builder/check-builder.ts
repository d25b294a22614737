/**
 * What is wrong with the rules of a builder tree, per field, in words for the person editing it.
 *
 * `builderToCondition` writes whatever was typed (a number field holding "abc" is written as the string
 * "abc", which never widens the audience); these problems are how the editor tells the user, and
 * `validateCondition` on the written JSON remains the final check.
 */

import { compileRegex } from "../operators";
import { type BuilderNode, type BuilderOperator, type Group, OPERATOR_INFO, type Rule, type ValueType, valueList, valueText } from "./builder-model";
import type { NodePath } from "./edit-builder";
import { parseBoolean, parseNumber } from "./rule-values";

export interface RuleProblem {
  readonly field: "attribute" | "value";
  /**
   * "missing": nothing typed yet, which the editor leaves to the browser's `required` check rather than
   * shouting at a rule just added; "invalid": something typed that cannot be right.
   */
  readonly kind: "missing" | "invalid";
  readonly message: string;
}

export interface BuilderProblem extends RuleProblem {
  readonly path: NodePath;
}

export function builderProblems(root: Group): BuilderProblem[] {
  const problems: BuilderProblem[] = [];
  const visit = (node: BuilderNode, path: NodePath) => {
    if (node.kind === "rule") {
      for (const problem of ruleProblems(node)) problems.push({ ...problem, path });
      return;
    }
    node.children.forEach((child, index) => visit(child, [...path, index]));
  };
  visit(root, []);
  return problems;
}

export function ruleProblems(rule: Rule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const attribute = attributeProblem(rule.attribute);
  if (attribute !== null) problems.push(attribute);
  const value = valueProblem(rule);
  if (value !== null) problems.push(value);
  return problems;
}

function attributeProblem(attribute: string): RuleProblem | null {
  const invalid = (message: string): RuleProblem => ({ field: "attribute", kind: "invalid", message });
  if (attribute.trim() === "") return { field: "attribute", kind: "missing", message: "Enter an attribute." };
  if (attribute !== attribute.trim()) return invalid("Remove the spaces around the attribute name.");
  // The condition syntax reads a leading `$` as an operator, and validateCondition rejects it.
  if (attribute.startsWith("$")) return invalid("An attribute name cannot start with $.");
  if (attribute.split(".").includes("")) return invalid("Use dots only between the parts of a path, like father.age.");
  return null;
}

/** Whether an empty value is incomplete: only equality can sensibly compare with the empty text. */
export function valueRequired(operator: BuilderOperator, valueType: ValueType): boolean {
  if (OPERATOR_INFO[operator].arity === "none") return false;
  const emptyTextAllowed = operator === "equals" || operator === "$eq" || operator === "$ne";
  return valueType !== "string" || !emptyTextAllowed;
}

function valueProblem(rule: Rule): RuleProblem | null {
  const info = OPERATOR_INFO[rule.operator];
  const invalid = (message: string): RuleProblem => ({ field: "value", kind: "invalid", message });
  const missing = (message: string): RuleProblem => ({ field: "value", kind: "missing", message });
  if (info.arity === "none") return null;

  if (info.arity === "list") {
    const items = valueList(rule.value);
    if (items.length === 0) return missing("Enter at least one value, separated by commas.");
    if (rule.valueType === "number") {
      const bad = items.find((item) => parseNumber(item) === null);
      if (bad !== undefined) return invalid(`"${bad}" is not a number.`);
    }
    return null;
  }

  const text = valueText(rule.value);
  if (text === "" && valueRequired(rule.operator, rule.valueType)) return missing(missingMessage(rule.operator, rule.valueType));
  if (info.choices !== undefined && !info.choices.includes(text)) return invalid(`Choose one of ${info.choices.join(", ")}.`);
  if (rule.valueType === "number" && parseNumber(text) === null) return invalid(`"${text}" is not a number.`);
  if (rule.valueType === "boolean" && parseBoolean(text) === null) return invalid("Choose true or false.");
  if (rule.operator === "$regex" || rule.operator === "not_regex" || rule.operator === "$regexi") {
    if (compileRegex(text, rule.operator === "$regexi") === null) return invalid(regexMessage(text));
  }
  return null;
}

function missingMessage(operator: BuilderOperator, valueType: ValueType): string {
  if (valueType === "number") return "Enter a number.";
  switch (OPERATOR_INFO[operator].category) {
    case "Versions":
      return "Enter a version, such as 1.2.3.";
    case "Text":
      return operator === "$regex" || operator === "not_regex" || operator === "$regexi"
        ? "Enter a regular expression."
        : "Enter some text.";
    default:
      return "Enter a value.";
  }
}

function regexMessage(pattern: string): string {
  try {
    new RegExp(pattern);
  } catch (error) {
    if (error instanceof Error) return `Not a valid regular expression: ${error.message}.`;
  }
  return "Not a valid regular expression.";
}
