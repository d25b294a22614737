"use client";

import { PercentInput } from "@/components/ui/percent-input";
import { useState } from "react";
import { FormMessage } from "@/components/auth/form-message";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { TargetingEditor } from "@/components/targeting/targeting-editor";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { ArrowDownIcon, ArrowUpIcon, CloseIcon, PlusIcon, SplitIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { Condition } from "@/core/conditions/condition";
import type { FlagVariant } from "@/core/flags/flag-definition";
import { ruleProblems } from "@/core/flags/flag-values";
import type { FieldErrors } from "@/server/errors";
import { updateFlagSchema } from "@/server/services/flags/flag.schema";
import { checkFlagForm, displayValue, problemsAsFieldErrors, readFlagForm } from "./flag-form-data";
import { moveItem } from "./move-item";

export interface RuleDraft {
  id?: string;
  description: string | null;
  /** The stored condition, or its JSON text when it cannot be read as one. */
  condition: Condition | string | null;
  serve: string;
  rolloutPercentage: number | null;
}

interface Row extends RuleDraft {
  rowKey: string;
}

export interface FlagRulesCardProps {
  flagId: string;
  rules: readonly RuleDraft[];
  /** The flag's saved variants (null: boolean), what a rule may serve. */
  variants: readonly FlagVariant[] | null;
  canUpdate: boolean;
  action: FormAction;
}

function checkFor(variants: readonly FlagVariant[] | null) {
  return checkFlagForm(readFlagForm, updateFlagSchema, (input) => {
    if (!Array.isArray(input.targetingRules)) return {};
    const rules = (input.targetingRules as { id?: string; serve?: string }[]).map((rule, index) => ({ ...rule, id: rule.id ?? `new-${index}`, condition: {} }));
    return problemsAsFieldErrors(ruleProblems(rules, variants));
  });
}

/**
 * The flag's targeting rules, in the order they are tried: each a condition from the same rule builder as
 * experiments, what it serves, and the share of matching users it serves it to. Saved as a whole list.
 */
export function FlagRulesCard({ flagId, rules, variants, canUpdate, action }: FlagRulesCardProps) {
  const [rows, setRows] = useState<Row[]>(() => rules.map((rule, index) => ({ ...rule, rowKey: rule.id ?? `stored-${index}` })));
  const [added, setAdded] = useState(0);
  const { pending, errors, message, succeeded, onSubmit } = useCheckedAction(action, checkFor(variants));

  const add = () => {
    setRows((current) => [...current, { rowKey: `added-${added}`, description: "", condition: null, serve: "on", rolloutPercentage: null }]);
    setAdded((n) => n + 1);
  };
  const move = (from: number, to: number) => setRows((current) => moveItem(current, from, to));
  const remove = (index: number) => setRows((current) => current.filter((_, i) => i !== index));

  return (
    <Card>
      <CardHeader
        title="Targeting rules"
        description="Tried from the top for users without an override: the first rule whose condition matches and whose percentage holds the user decides. A matching user outside a rule's percentage falls through to the next rule, and after the last to the flag's rollout."
      />
      <form onSubmit={onSubmit} aria-label="Targeting rules">
        <input type="hidden" name="flagId" value={flagId} />
        <input type="hidden" name="rules.present" value="1" />
        <fieldset disabled={!canUpdate} className="min-w-0">
          <CardBody className="space-y-4">
            {message ? <FormMessage tone={succeeded ? "success" : "error"}>{message}</FormMessage> : null}
            {rows.length === 0 ? (
              <EmptyState
                icon={<SplitIcon />}
                title="No rules"
                description="Every user without an override gets the flag's rollout. Add a targeting rule to serve something else to users who match a condition."
              />
            ) : (
              <ol aria-label="Rules" className="space-y-4">
                {rows.map((row, index) => (
                  <RuleItem
                    key={row.rowKey}
                    rule={row}
                    index={index}
                    count={rows.length}
                    variants={variants}
                    errors={errors}
                    editable={canUpdate}
                    onMove={move}
                    onRemove={remove}
                  />
                ))}
              </ol>
            )}
            {canUpdate ? (
              <Button size="sm" onClick={add}>
                <PlusIcon />
                Add targeting rule
              </Button>
            ) : null}
          </CardBody>
        </fieldset>
        {canUpdate ? (
          <CardFooter>
            <PendingButton pending={pending} pendingLabel="Saving…">
              Save rules
            </PendingButton>
          </CardFooter>
        ) : null}
      </form>
    </Card>
  );
}

/** A field label that reads "Serves" inside its rule's card, and "Targeting rule 2 Serves" to assistive technology. */
function RuleLabel({ n, children }: { n: number; children: string }) {
  return (
    <>
      <span className="sr-only">Targeting rule {n} </span>
      {children}
    </>
  );
}

interface RuleItemProps {
  rule: Row;
  index: number;
  count: number;
  variants: readonly FlagVariant[] | null;
  errors: FieldErrors;
  editable: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

function RuleItem({ rule, index, count, variants, errors, editable, onMove, onRemove }: RuleItemProps) {
  const n = index + 1;
  const path = `targetingRules.${index}`;
  const serveError = errors[`${path}.serve`];
  return (
    <li aria-label={`Targeting rule ${n}`} className="rounded-lg border border-zinc-200 bg-zinc-50/60">
      <div className="flex items-center justify-between gap-3 border-b border-zinc-200 px-4 py-2">
        <p className="flex items-center gap-2 font-medium text-zinc-900">
          <span className="inline-flex size-6 items-center justify-center rounded-full bg-accent-600 text-xs text-white tabular-nums">{n}</span>
          Rule {n}
        </p>
        {editable ? (
          <div className="flex items-center gap-1">
            <Button variant="ghost" size="icon" aria-label={`Move targeting rule ${n} up`} title="Move up" disabled={index === 0} onClick={() => onMove(index, index - 1)}>
              <ArrowUpIcon />
            </Button>
            <Button variant="ghost" size="icon" aria-label={`Move targeting rule ${n} down`} title="Move down" disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
              <ArrowDownIcon />
            </Button>
            <Button variant="ghost" size="icon" aria-label={`Remove targeting rule ${n}`} title="Remove" onClick={() => onRemove(index)}>
              <CloseIcon />
            </Button>
          </div>
        ) : null}
      </div>
      <div className="space-y-4 bg-white px-4 py-4 rounded-b-lg">
        {rule.id ? <input type="hidden" name={`${path}.id`} value={rule.id} /> : null}
        <Field label={<RuleLabel n={n}>Description</RuleLabel>} hint="Optional. Why this rule exists, e.g. “Beta testers”." error={errors[`${path}.description`]}>
          {(c) => <Input {...c} name={`${path}.description`} maxLength={500} defaultValue={rule.description ?? ""} />}
        </Field>
        <TargetingEditor name={`${path}.condition`} label="Condition" defaultValue={rule.condition} error={errors[`${path}.condition`]} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={<RuleLabel n={n}>Serves</RuleLabel>} error={serveError} hint={variants === null ? "On is true, off is false." : "On picks a variant by weight; or serve one variant to everyone matching."}>
            {(c) => (
              <Select {...c} name={`${path}.serve`} defaultValue={rule.serve}>
                <option value="on">On</option>
                <option value="off">Off</option>
                {(variants ?? []).map((variant) => (
                  <option key={variant.key} value={variant.key}>
                    Variant {variant.key}: {displayValue(variant.value)}
                  </option>
                ))}
                {/* A stored target the flag no longer has: shown so the error can name it. */}
                {rule.serve !== "on" && rule.serve !== "off" && !(variants ?? []).some((v) => v.key === rule.serve) ? <option value={rule.serve}>{rule.serve} (missing)</option> : null}
              </Select>
            )}
          </Field>
          <Field label={<RuleLabel n={n}>Rollout (%)</RuleLabel>} hint="Optional. Share of matching users it serves; empty is all of them." error={errors[`${path}.rolloutPercentage`]}>
            {(c) => (
              <PercentInput {...c} name={`${path}.rolloutPercentage`} placeholder="100" defaultValue={rule.rolloutPercentage ?? ""} />
            )}
          </Field>
        </div>
      </div>
    </li>
  );
}
