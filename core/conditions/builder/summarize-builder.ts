/**
 * A one-line reading of a builder tree, shown under the editor so the rule can be checked at a glance:
 * `country is one of US, CA AND plan equals "pro"`.
 */

import { type BuilderNode, type Group, OPERATOR_INFO, type Rule, valueList, valueText } from "./builder-model";

export const EVERYONE = "Everyone is eligible";

export function summarizeBuilder(root: Group): string {
  if (root.children.length === 0) return root.negate === true ? "Nobody is eligible" : EVERYONE;
  return groupText(root);
}

function nodeText(node: BuilderNode): string {
  if (node.kind === "rule") return ruleText(node);
  const text = groupText(node);
  // A lone rule needs no brackets, unless NOT is in front of it (added by groupText).
  return node.children.length > 1 && node.negate !== true ? `(${text})` : text;
}

function groupText(group: Group): string {
  const inner =
    group.children.length === 0 ? "everyone" : group.children.map(nodeText).join(group.combinator === "all" ? " AND " : " OR ");
  return group.negate === true ? `NOT (${inner})` : inner;
}

export function ruleText(rule: Rule): string {
  const info = OPERATOR_INFO[rule.operator];
  const attribute = rule.attribute.trim() === "" ? "(attribute)" : rule.attribute;
  return info.arity === "none" ? `${attribute} ${info.label}` : `${attribute} ${info.label} ${valueSummary(rule)}`;
}

function valueSummary(rule: Rule): string {
  const info = OPERATOR_INFO[rule.operator];
  if (info.arity === "list") {
    const items = valueList(rule.value);
    return items.length === 0 ? "(no values)" : items.map((item) => listItem(rule, item)).join(", ");
  }
  const text = valueText(rule.value);
  if (rule.operator === "$regex" || rule.operator === "not_regex" || rule.operator === "$regexi") return `/${text}/`;
  // Versions and type names read best bare; other text is quoted so "" and trailing spaces show.
  if (info.category === "Versions" || info.choices !== undefined) return text === "" ? '""' : text;
  return rule.valueType === "string" ? JSON.stringify(text) : text;
}

/** List items bare (`US, CA`) unless a comma, edge spaces or emptiness would make them ambiguous. */
function listItem(rule: Rule, item: string): string {
  const ambiguous = item === "" || item.includes(",") || item !== item.trim();
  return rule.valueType === "string" && ambiguous ? JSON.stringify(item) : item;
}
