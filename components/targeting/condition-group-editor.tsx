"use client";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cx } from "@/components/ui/class-names";
import { PlusIcon } from "@/components/ui/icons";
import { type Group, MAX_GROUP_DEPTH } from "@/core/conditions/builder/builder-model";
import type { RuleProblem } from "@/core/conditions/builder/check-builder";
import {
  type NodePath,
  appendChild,
  newGroup,
  newRule,
  nextNodeId,
  removeNode,
  updateGroup,
  updateRule,
} from "@/core/conditions/builder/edit-builder";
import { ConditionRuleRow } from "./condition-rule-row";
import type { NodeNumbers } from "./node-numbers";
import { SegmentedControl } from "./segmented-control";

export interface ConditionGroupEditorProps {
  group: Group;
  /** Where the group sits in the tree; `[]` for the root. */
  path: NodePath;
  numbers: NodeNumbers;
  problemsAt: (path: NodePath) => readonly RuleProblem[];
  attributeListId: string;
  /** Applies an edit to the whole tree, as a function of the latest tree (no stale closures). */
  edit: (change: (root: Group) => Group) => void;
}

const COMBINATORS = [
  { value: "all", label: "All" },
  { value: "any", label: "Any" },
] as const;

/** A group of rules and nested groups: All / Any, NOT (nested groups), add, remove. Recursive. */
export function ConditionGroupEditor({ group, path, numbers, problemsAt, attributeListId, edit }: ConditionGroupEditorProps) {
  const isRoot = path.length === 0;
  const depth = path.length + 1;
  const number = numbers.groups.get(group.id);
  const name = isRoot ? "Targeting rules" : `Group ${number ?? ""}`;
  const suffix = isRoot ? "" : ` to group ${number ?? ""}`;
  const negated = group.negate === true;
  const joiner = group.combinator === "all" ? "and" : "or";

  const addRule = () => edit((root) => appendChild(root, path, newRule(nextNodeId(root))));
  const addGroup = () => edit((root) => appendChild(root, path, newGroup(nextNodeId(root))));

  return (
    <div
      role="group"
      aria-label={name}
      className={cx(
        "space-y-3",
        !isRoot && "rounded-lg border p-3",
        !isRoot && (negated ? "border-danger-200" : "border-zinc-200"),
        !isRoot && (depth % 2 === 0 ? "bg-zinc-50" : "bg-white"),
      )}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        {isRoot ? null : <span className="text-[13px] font-medium text-zinc-500">Group {number}</span>}
        <span className="text-zinc-700">{negated ? "Exclude users matching" : "Match"}</span>
        <SegmentedControl
          label={`Combine the conditions of ${isRoot ? "the targeting rules" : `group ${number ?? ""}`}`}
          options={COMBINATORS}
          value={group.combinator}
          onChange={(combinator) => edit((root) => updateGroup(root, path, (each) => ({ ...each, combinator })))}
        />
        <span className="text-zinc-700">of these conditions</span>
        {isRoot ? null : (
          <div className="ml-auto flex items-center gap-3">
            <Checkbox
              label="NOT"
              aria-label={`NOT: negate group ${number ?? ""}`}
              checked={negated}
              onChange={(event) => {
                const negate = event.target.checked;
                edit((root) => updateGroup(root, path, (each) => ({ ...each, negate })));
              }}
            />
            <Button variant="ghost" size="sm" onClick={() => edit((root) => removeNode(root, path))}>
              Remove group {number}
            </Button>
          </div>
        )}
      </div>

      {group.children.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 bg-white px-3 py-2 text-zinc-600">
          {emptyText(isRoot, negated)}
        </p>
      ) : (
        <ul className="space-y-2">
          {group.children.map((child, index) => {
            const childPath = [...path, index];
            return (
              <li key={child.id} className="flex items-start gap-2">
                <span aria-hidden="true" className="w-8 shrink-0 pt-2 text-right text-[11px] font-semibold text-zinc-400 uppercase">
                  {index === 0 ? "" : joiner}
                </span>
                <div className="min-w-0 flex-1">
                  {child.kind === "rule" ? (
                    <ConditionRuleRow
                      rule={child}
                      ruleNumber={numbers.rules.get(child.id) ?? 0}
                      attributeListId={attributeListId}
                      problems={problemsAt(childPath)}
                      onChange={(rule) => edit((root) => updateRule(root, childPath, () => rule))}
                      onRemove={() => edit((root) => removeNode(root, childPath))}
                    />
                  ) : (
                    <ConditionGroupEditor
                      group={child}
                      path={childPath}
                      numbers={numbers}
                      problemsAt={problemsAt}
                      attributeListId={attributeListId}
                      edit={edit}
                    />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={addRule}>
          <PlusIcon />
          {`Add rule${suffix}`}
        </Button>
        {depth < MAX_GROUP_DEPTH ? (
          <Button variant="secondary" size="sm" onClick={addGroup}>
            <PlusIcon />
            {`Add group${suffix}`}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function emptyText(isRoot: boolean, negated: boolean): string {
  if (isRoot) return "Everyone is eligible. Add a rule to target specific users.";
  return negated ? "This group is empty, so it excludes everyone." : "This group is empty, so it matches everyone.";
}
