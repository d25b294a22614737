import type { BuilderNode, Group } from "@/core/conditions/builder/builder-model";

export interface NodeNumbers {
  /** Rule id → its number, counting rules in reading order from 1 ("Remove rule 2"). */
  rules: ReadonlyMap<string, number>;
  /** Group id → its number, counting nested groups in reading order from 1; the root has none. */
  groups: ReadonlyMap<string, number>;
}

/**
 * Numbers that name the controls of each rule and group ("Rule 2 operator", "Add rule to group 1"), so every
 * accessible name in the editor is unique however deep the tree is.
 */
export function numberNodes(root: Group): NodeNumbers {
  const rules = new Map<string, number>();
  const groups = new Map<string, number>();
  const visit = (node: BuilderNode) => {
    if (node.kind === "rule") {
      rules.set(node.id, rules.size + 1);
      return;
    }
    if (node !== root) groups.set(node.id, groups.size + 1);
    node.children.forEach(visit);
  };
  visit(root);
  return { rules, groups };
}
