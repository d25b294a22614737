"use client";

import { useState } from "react";
import { FormMessage } from "@/components/auth/form-message";
import { DateTimeField } from "@/components/experiments/date-time-field";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { DateTime } from "@/components/preferences/preferences-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { PlusIcon, UsersIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { ListPagination } from "@/components/ui/list-pagination";
import { Textarea } from "@/components/ui/textarea";
import type { FlagVariant } from "@/core/flags/flag-definition";
import { bulkUpsertOverridesSchema, upsertOverrideSchema } from "@/server/services/flags/override.schema";
import { checkFlagForm, displayValue, readOverrideForm } from "./flag-form-data";
import { type OverrideFilterValues, OverrideFilters } from "./override-filters";
import { OverrideValueSelect } from "./override-value-select";

export interface OverrideView {
  id: string;
  userId: string;
  value: unknown;
  reason: string | null;
  /** ISO text, or null: never expires. */
  expiresAt: string | null;
  active: boolean;
}

export interface FlagOverridesCardProps {
  flagId: string;
  flagKey: string;
  /** The filters the table's rows were chosen by. */
  filters: OverrideFilterValues;
  variants: readonly FlagVariant[] | null;
  overrides: readonly OverrideView[];
  page: { page: number; pageSize: number; total: number };
  canUpdate: boolean;
  actions: { save: FormAction; bulk: FormAction; remove: FormAction };
}

type Editing = { kind: "one"; override: OverrideView | null } | { kind: "many" } | null;

const checkOne = checkFlagForm(readOverrideForm, upsertOverrideSchema);
const checkMany = checkFlagForm(readOverrideForm, bulkUpsertOverridesSchema);

/** Why the filtered table is empty, in the filters' words. */
function noMatch(filters: OverrideFilterValues): string {
  const kind = filters.state === undefined ? "override" : `${filters.state} override`;
  return filters.search === undefined ? `This flag has no ${kind}.` : `No ${kind} has a user id containing “${filters.search}”.`;
}

/** How a variant value reads in the table: the variant's key with its value. */
function valueLabel(value: unknown, variants: readonly FlagVariant[] | null): string {
  const variant = variants?.find((v) => JSON.stringify(v.value) === JSON.stringify(value));
  return variant ? `${variant.key}: ${displayValue(value)}` : displayValue(value);
}

/**
 * Per-user overrides: a user gets this value whatever the rules say, until the override expires (it is
 * then kept, marked expired, and never applied). Add one, edit one, remove one, or paste many user ids
 * with one value, reason and expiry.
 */
export function FlagOverridesCard({ flagId, flagKey, filters, variants, overrides, page, canUpdate, actions }: FlagOverridesCardProps) {
  const filtered = filters.search !== undefined || filters.state !== undefined;
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<OverrideView | null>(null);
  const close = () => setEditing(null);
  const one = useCheckedAction(actions.save, checkOne, close);
  const many = useCheckedAction(actions.bulk, checkMany, close);
  const removal = useCheckedAction(actions.remove, undefined, () => setRemoving(null));
  const done = [one, many, removal].find((a) => a.succeeded && a.message);

  return (
    <Card>
      <CardHeader
        title="Overrides"
        description="These users get the value shown whatever the rules say, while the flag is on. An override stops applying at the exact instant it expires."
        actions={
          canUpdate && editing === null ? (
            <>
              <Button size="sm" variant="primary" onClick={() => setEditing({ kind: "one", override: null })}>
                <PlusIcon />
                Add override
              </Button>
              <Button size="sm" onClick={() => setEditing({ kind: "many" })}>
                Paste many
              </Button>
            </>
          ) : null
        }
      />
      {editing?.kind === "one" ? (
        <form key={editing.override?.id ?? "new"} onSubmit={one.onSubmit} aria-label={editing.override ? "Edit override" : "Add override"} className="border-b border-zinc-200 bg-zinc-50/60">
          <input type="hidden" name="flagId" value={flagId} />
          <CardBody className="space-y-4">
            {one.message && !one.succeeded ? <FormMessage>{one.message}</FormMessage> : null}
            <div className="grid gap-x-5 gap-y-4 sm:grid-cols-2">
              <Field label="User id" error={one.errors.userId} hint={editing.override ? "To give another user an override, add one." : "The id your SDK sends (OpenFeature's targetingKey)."}>
                {(c) => <Input {...c} name="userId" autoComplete="off" spellCheck={false} readOnly={editing.override !== null} className="read-only:bg-zinc-50 read-only:text-zinc-600" defaultValue={editing.override?.userId ?? ""} />}
              </Field>
              <OverrideValueSelect variants={variants} defaultValue={editing.override?.value} error={one.errors.value} />
              <Field label="Reason" hint="Optional. Why this user gets it, e.g. “QA account”." error={one.errors.reason}>
                {(c) => <Input {...c} name="reason" maxLength={500} defaultValue={editing.override?.reason ?? ""} />}
              </Field>
              <DateTimeField label="Expires at" name="expiresAt" defaultValue={editing.override?.active ? editing.override.expiresAt : null} error={one.errors.expiresAt} />
            </div>
          </CardBody>
          <CardFooter className="rounded-none bg-transparent">
            <Button variant="ghost" onClick={close} disabled={one.pending}>
              Cancel
            </Button>
            <PendingButton pending={one.pending} pendingLabel="Saving…">
              {editing.override ? "Save override" : "Add override"}
            </PendingButton>
          </CardFooter>
        </form>
      ) : null}
      {editing?.kind === "many" ? (
        <form onSubmit={many.onSubmit} aria-label="Paste many overrides" className="border-b border-zinc-200 bg-zinc-50/60">
          <input type="hidden" name="flagId" value={flagId} />
          <CardBody className="space-y-4">
            {many.message && !many.succeeded ? <FormMessage>{many.message}</FormMessage> : null}
            <Field label="User ids" hint="One per line, or separated by commas or spaces, as pasted from a spreadsheet. Users who already have an override get it replaced." error={many.errors.userIds}>
              {(c) => <Textarea {...c} name="userIds" rows={5} spellCheck={false} className="font-mono text-[13px]" placeholder={"user-1\nuser-2\nuser-3"} />}
            </Field>
            <div className="grid gap-x-5 gap-y-4 sm:grid-cols-3">
              <OverrideValueSelect variants={variants} error={many.errors.value} />
              <Field label="Reason" hint="Optional." error={many.errors.reason}>
                {(c) => <Input {...c} name="reason" maxLength={500} />}
              </Field>
              <DateTimeField label="Expires at" name="expiresAt" error={many.errors.expiresAt} />
            </div>
          </CardBody>
          <CardFooter className="rounded-none bg-transparent">
            <Button variant="ghost" onClick={close} disabled={many.pending}>
              Cancel
            </Button>
            <PendingButton pending={many.pending} pendingLabel="Saving…">
              Add overrides
            </PendingButton>
          </CardFooter>
        </form>
      ) : null}
      <CardBody className="space-y-4">
        {done ? <FormMessage tone="success">{done.message}</FormMessage> : null}
        {overrides.length > 0 || filtered ? <OverrideFilters flagKey={flagKey} values={filters} /> : null}
        {overrides.length === 0 ? (
          filtered ? (
            <EmptyState icon={<UsersIcon />} title="No overrides match" description={noMatch(filters)} />
          ) : (
            <EmptyState
              icon={<UsersIcon />}
              title="No overrides"
              description="Give a tester, a customer or a whole list of users a value of their own, for good or until a date."
            />
          )
        ) : (
          <>
            <OverridesTable
              overrides={overrides}
              variants={variants}
              canUpdate={canUpdate}
              onEdit={(override) => setEditing({ kind: "one", override })}
              onRemove={setRemoving}
            />
            {page.total > page.pageSize ? <ListPagination page={page.page} pageSize={page.pageSize} total={page.total} noun="overrides" /> : null}
          </>
        )}
      </CardBody>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove the override for ${removing?.userId ?? ""}?`}
        confirmLabel="Remove override"
        tone="danger"
        pending={removal.pending}
        onConfirm={() => {
          if (!removing) return;
          const form = new FormData();
          form.set("flagId", flagId);
          form.set("userId", removing.userId);
          removal.submit(form);
        }}
        onClose={() => setRemoving(null)}
      >
        <p>From the next evaluation on, this user gets what the rules and the rollout give them.</p>
        {removal.message && !removal.succeeded ? <FormMessage>{removal.message}</FormMessage> : null}
      </ConfirmDialog>
    </Card>
  );
}

interface OverridesTableProps {
  overrides: readonly OverrideView[];
  variants: readonly FlagVariant[] | null;
  canUpdate: boolean;
  onEdit: (override: OverrideView) => void;
  onRemove: (override: OverrideView) => void;
}

/** Cells carry their column name for the stacked layout below 640 px, where a row reads as a card. */
const cell = "px-4 py-3 align-middle text-zinc-700 max-sm:flex max-sm:justify-between max-sm:gap-4 max-sm:px-0 max-sm:py-1 max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-zinc-500 max-sm:before:content-[attr(data-label)]";

function OverridesTable({ overrides, variants, canUpdate, onEdit, onRemove }: OverridesTableProps) {
  return (
    <div className="sm:overflow-x-auto sm:rounded-lg sm:border sm:border-zinc-200">
      <table aria-label="Overrides" className="w-full border-collapse text-left text-sm max-sm:block">
        <thead className="border-b border-zinc-200 bg-zinc-50 max-sm:hidden">
          <tr>
            {["User id", "Value", "Reason", "Expires", "State"].map((h) => (
              <th key={h} scope="col" className="px-4 py-2.5 text-xs font-medium whitespace-nowrap text-zinc-600">
                {h}
              </th>
            ))}
            {canUpdate ? (
              <th scope="col" className="px-4 py-2.5">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 max-sm:block max-sm:space-y-3 max-sm:divide-y-0">
          {overrides.map((override) => (
            <tr key={override.id} className={"max-sm:block max-sm:rounded-lg max-sm:border max-sm:border-zinc-200 max-sm:px-3 max-sm:py-2 " + (override.active ? "" : "bg-zinc-50/80 text-zinc-500")}>
              <td data-label="User id" className={cell}>
                <span className="font-mono text-[13px] font-medium text-zinc-900">{override.userId}</span>
              </td>
              <td data-label="Value" className={cell}>
                <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">{valueLabel(override.value, variants)}</code>
              </td>
              <td data-label="Reason" className={cell}>
                {override.reason ?? <span className="text-zinc-400">—</span>}
              </td>
              <td data-label="Expires" className={cell}>
                <DateTime value={override.expiresAt} empty="Never" />
              </td>
              <td data-label="State" className={cell}>
                {override.active ? (
                  <Badge tone="success" dot>
                    Active
                  </Badge>
                ) : (
                  <Badge tone="neutral">Expired</Badge>
                )}
              </td>
              {canUpdate ? (
                <td className="px-4 py-2 text-right whitespace-nowrap max-sm:flex max-sm:justify-end max-sm:px-0 max-sm:pt-2">
                  <Button size="sm" variant="ghost" onClick={() => onEdit(override)} aria-label={`Edit the override for ${override.userId}`}>
                    Edit
                  </Button>
                  <Button size="sm" variant="ghost" className="text-danger-700 hover:bg-danger-50 hover:text-danger-800" onClick={() => onRemove(override)} aria-label={`Remove the override for ${override.userId}`}>
                    Remove
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
