"use client";

import { useState } from "react";
import type { ExperimentStatus, ExperimentType } from "@/core/experiments/enums";
import { formatPercentage } from "@/core/experiments/allocation";
import { FormMessage } from "@/components/auth/form-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { updateExperimentSchema } from "@/server/services/experiments/experiment.schema";
import { CoverageBar, segmentColor } from "./coverage-bar";
import { variantsFromForm } from "./experiment-form-data";
import { PendingButton } from "./pending-button";
import { type FormAction, checkWith, useCheckedAction } from "./use-checked-action";
import { type VariantDraft, VariantRowsEditor } from "./variant-rows-editor";

const check = checkWith(updateExperimentSchema, (form) => ({ variants: variantsFromForm(form) }));

export interface VariantsCardProps {
  experimentId: string;
  experimentType: ExperimentType;
  status: ExperimentStatus;
  variants: readonly (VariantDraft & { id: string })[];
  canUpdate: boolean;
  action: FormAction;
}

const RUNNING: readonly ExperimentStatus[] = ["ACTIVE", "PAUSED"];

/** The variants in bucket order with their shares of traffic; edited as a whole set, saved at once. */
export function VariantsCard({ experimentId, experimentType, status, variants, canUpdate, action }: VariantsCardProps) {
  const [editing, setEditing] = useState(false);
  const { pending, errors, message, succeeded, onSubmit } = useCheckedAction(action, check, () => setEditing(false));
  const running = RUNNING.includes(status);
  const splitUrl = experimentType === "SPLIT_URL";

  return (
    <Card>
      <CardHeader
        title="Variants"
        description="Each variant's allocation is its share of all eligible users; the rest of 100% is not enrolled."
        actions={
          canUpdate && !editing ? (
            <Button size="sm" onClick={() => setEditing(true)}>
              Edit variants
            </Button>
          ) : null
        }
      />
      {editing ? (
        <form onSubmit={onSubmit} aria-label="Edit variants">
          <input type="hidden" name="experimentId" value={experimentId} />
          <CardBody className="space-y-4">
            {message ? <FormMessage>{message}</FormMessage> : null}
            {running ? (
              <p className="text-[13px] text-zinc-600">
                Users already assigned keep their variant; changed allocations apply to users who arrive from now on.
              </p>
            ) : null}
            <VariantRowsEditor
              initial={variants}
              experimentType={experimentType}
              errors={errors}
              canRemoveStored={!running}
              removeHint={running ? "Variants cannot be removed while the experiment is running or paused: users are assigned to them." : undefined}
            />
          </CardBody>
          <CardFooter>
            <Button variant="ghost" onClick={() => setEditing(false)} disabled={pending}>
              Cancel
            </Button>
            <PendingButton pending={pending} pendingLabel="Saving…">
              Save variants
            </PendingButton>
          </CardFooter>
        </form>
      ) : (
        <CardBody className="space-y-4">
          {succeeded && message ? <FormMessage tone="success">{message}</FormMessage> : null}
          {variants.length === 0 ? (
            <p className="text-zinc-600">No variants yet. An experiment needs at least two, one of them the control, to start.</p>
          ) : (
            <Table aria-label="Variants" containerClassName="shadow-none">
              <THead>
                <Tr>
                  <Th>Name</Th>
                  <Th>Control</Th>
                  <Th className="text-right">Allocation</Th>
                  {splitUrl ? <Th>URL</Th> : null}
                  <Th>Configuration</Th>
                </Tr>
              </THead>
              <TBody>
                {variants.map((variant, index) => {
                  const { url, ...rest } = variant.configuration;
                  const shown = splitUrl ? rest : variant.configuration;
                  return (
                    <Tr key={variant.id}>
                      <Td>
                        <div className="flex items-center gap-2">
                          <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-sm ${segmentColor(index)}`} />
                          <span className="font-medium text-zinc-900">{variant.name}</span>
                        </div>
                        {variant.description ? <p className="mt-0.5 pl-4.5 text-[13px] text-zinc-600">{variant.description}</p> : null}
                      </Td>
                      <Td>{variant.isControl ? <Badge tone="accent">Control</Badge> : <span className="text-zinc-400">—</span>}</Td>
                      <Td className="text-right tabular-nums">{formatPercentage(variant.trafficAllocation)}</Td>
                      {splitUrl ? (
                        <Td className="max-w-64 truncate">
                          {typeof url === "string" && url !== "" ? <span className="font-mono text-[13px]">{url}</span> : <span className="text-danger-700">Missing</span>}
                        </Td>
                      ) : null}
                      <Td>
                        {Object.keys(shown).length > 0 ? (
                          <code className="block max-w-md truncate font-mono text-xs text-zinc-700" title={JSON.stringify(shown, null, 2)}>
                            {JSON.stringify(shown)}
                          </code>
                        ) : (
                          <span className="text-zinc-400">{"{}"}</span>
                        )}
                      </Td>
                    </Tr>
                  );
                })}
              </TBody>
            </Table>
          )}
          <CoverageBar variants={variants} />
        </CardBody>
      )}
    </Card>
  );
}
