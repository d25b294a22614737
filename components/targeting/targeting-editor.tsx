"use client";

import { useCallback, useId, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { Condition } from "@/core/conditions/condition";
import type { Group } from "@/core/conditions/builder/builder-model";
import { builderToCondition } from "@/core/conditions/builder/builder-to-condition";
import { type RuleProblem, builderProblems } from "@/core/conditions/builder/check-builder";
import { conditionToBuilder } from "@/core/conditions/builder/condition-to-builder";
import { formatConditionText, parseConditionText } from "@/core/conditions/builder/condition-text";
import type { NodePath } from "@/core/conditions/builder/edit-builder";
import { summarizeBuilder } from "@/core/conditions/builder/summarize-builder";
import { validateCondition } from "@/core/conditions/validate-condition";
import { ATTRIBUTE_SUGGESTIONS } from "./attribute-suggestions";
import { ConditionGroupEditor } from "./condition-group-editor";
import { numberNodes } from "./node-numbers";
import { SegmentedControl } from "./segmented-control";

export interface TargetingEditorProps {
  /** The form field that receives the condition JSON, or "" for everyone. */
  name: string;
  /** The stored condition (null: everyone), or the text a failed submission sent back. */
  defaultValue?: Condition | string | null;
  /** The server's message(s) for this field. */
  error?: string | readonly string[] | null;
  /** The fieldset's legend. */
  label?: string;
}

type Mode = "builder" | "json";

interface EditorState {
  mode: Mode;
  root: Group;
  jsonText: string;
  /** Why the builder cannot show the JSON (kept in JSON mode), or null. */
  notice: string | null;
}

const EMPTY_ROOT: Group = { kind: "group", id: "n1", combinator: "all", children: [] };

const MODES = [
  { value: "builder", label: "Builder" },
  { value: "json", label: "JSON" },
] as const;

/**
 * Targeting rules as a form control: a rule builder and a raw JSON mode over the same GrowthBook condition
 * (DESIGN §5). The condition is written into a hidden input, so a plain server-action form submits it.
 */
export function TargetingEditor({ name, defaultValue = null, error, label = "Targeting" }: TargetingEditorProps) {
  const [state, setState] = useState(() => initialState(defaultValue));
  const attributeListId = useId();
  const errorId = useId();

  const edit = useCallback((change: (root: Group) => Group) => {
    setState((current) => ({ ...current, root: change(current.root) }));
  }, []);
  const numbers = useMemo(() => numberNodes(state.root), [state.root]);
  const problems = useMemo(() => problemsByPath(builderProblems(state.root)), [state.root]);
  const problemsAt = useCallback((path: NodePath) => problems.get(path.join(".")) ?? [], [problems]);

  const parsedJson = state.mode === "json" ? parseConditionText(state.jsonText) : null;
  const condition = parsedJson === null ? builderToCondition(state.root) : parsedJson.ok ? parsedJson.condition : undefined;
  // Invalid JSON is submitted as typed, so the server names the problem too (the browser blocks it first).
  const submitted = condition === undefined ? state.jsonText : condition === null ? "" : JSON.stringify(condition);
  const builderError =
    parsedJson === null && problems.size === 0 && condition !== null && condition !== undefined ? invalidOutput(condition) : null;
  const summary = summaryOf(state, condition);
  const serverError = typeof error === "string" ? error : error?.join(" ");

  const switchMode = (mode: Mode) => {
    if (mode === state.mode) return;
    if (mode === "json") {
      setState({ ...state, mode, jsonText: formatConditionText(builderToCondition(state.root)), notice: null });
      return;
    }
    const parsed = parseConditionText(state.jsonText);
    if (!parsed.ok) {
      setState({ ...state, notice: "Fix the JSON before switching to the builder." });
      return;
    }
    const converted = conditionToBuilder(parsed.condition);
    if (!converted.ok) setState({ ...state, notice: `This condition cannot be shown in the builder. ${converted.reason}` });
    else setState({ ...state, mode, root: converted.group, notice: null });
  };

  return (
    <fieldset aria-describedby={serverError ? errorId : undefined} className="min-w-0">
      <legend className="float-left font-medium text-zinc-900">{label}</legend>
      <div className="flex justify-end">
        <SegmentedControl label="Editing mode" options={MODES} value={state.mode} onChange={switchMode} />
      </div>
      <div className="clear-both mt-3 space-y-3">
        {state.notice !== null ? (
          <Alert tone="warning" role="status">
            {state.notice}
          </Alert>
        ) : null}

        {state.mode === "builder" ? (
          <>
            <ConditionGroupEditor
              group={state.root}
              path={[]}
              numbers={numbers}
              problemsAt={problemsAt}
              attributeListId={attributeListId}
              edit={edit}
            />
            <datalist id={attributeListId}>
              {ATTRIBUTE_SUGGESTIONS.map((attribute) => (
                <option key={attribute} value={attribute} />
              ))}
            </datalist>
            {builderError !== null ? <Alert tone="danger">{builderError}</Alert> : null}
          </>
        ) : (
          <Field
            label="Condition JSON"
            error={parsedJson?.ok === false ? parsedJson.error : null}
            hint='GrowthBook condition syntax, e.g. {"country": {"$in": ["US", "CA"]}, "plan": "pro"}. Leave empty to target everyone.'
          >
            {(control) => (
              <Textarea
                {...control}
                ref={(element) => element?.setCustomValidity(parsedJson?.ok === false ? parsedJson.error : "")}
                rows={10}
                spellCheck={false}
                autoComplete="off"
                placeholder="{}"
                className="font-mono text-[13px]"
                value={state.jsonText}
                onChange={(event) => {
                  const jsonText = event.target.value;
                  setState((current) => ({ ...current, jsonText }));
                }}
              />
            )}
          </Field>
        )}

        <p className="text-[13px] text-zinc-600">
          <span className="font-medium text-zinc-800">Summary: </span>
          {summary}
        </p>
        {serverError ? (
          <p id={errorId} className="text-[13px] text-danger-700">
            {serverError}
          </p>
        ) : null}
      </div>
      <input type="hidden" name={name} value={submitted} />
    </fieldset>
  );
}

function initialState(defaultValue: Condition | string | null): EditorState {
  const builder = (root: Group): EditorState => ({ mode: "builder", root, jsonText: "", notice: null });
  let condition: Condition | null;
  if (typeof defaultValue === "string") {
    const parsed = parseConditionText(defaultValue);
    if (!parsed.ok) return { mode: "json", root: EMPTY_ROOT, jsonText: defaultValue, notice: null };
    condition = parsed.condition;
  } else {
    condition = defaultValue;
  }
  const converted = conditionToBuilder(condition);
  if (converted.ok) return builder(converted.group);
  return {
    mode: "json",
    root: EMPTY_ROOT,
    jsonText: formatConditionText(condition),
    notice: `This condition cannot be shown in the builder. ${converted.reason}`,
  };
}

function problemsByPath(problems: ReturnType<typeof builderProblems>): Map<string, RuleProblem[]> {
  const byPath = new Map<string, RuleProblem[]>();
  for (const problem of problems) {
    const key = problem.path.join(".");
    byPath.set(key, [...(byPath.get(key) ?? []), problem]);
  }
  return byPath;
}

/** The last word is validateCondition's: a builder that writes something it rejects must say so. */
function invalidOutput(condition: Condition): string | null {
  const validation = validateCondition(condition);
  return validation.ok ? null : `These rules do not make a valid condition: ${validation.error}`;
}

/** `undefined` condition: the JSON does not parse or validate. */
function summaryOf(state: EditorState, condition: Condition | null | undefined): string {
  if (state.mode === "builder") return summarizeBuilder(state.root);
  if (condition === undefined) return "The JSON is not a valid condition yet.";
  const converted = conditionToBuilder(condition);
  return converted.ok ? summarizeBuilder(converted.group) : "This condition can only be edited as JSON.";
}
