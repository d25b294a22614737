"use client";

import { FormMessage } from "@/components/auth/form-message";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { updateExperimentSchema } from "@/server/services/experiments/experiment.schema";
import { ExperimentFields, type ExperimentFieldValues, type OwnerOption } from "./experiment-fields";
import { experimentFieldsFromForm } from "./experiment-form-data";
import { PendingButton } from "./pending-button";
import { type FormAction, checkWith, useCheckedAction } from "./use-checked-action";

const check = checkWith(updateExperimentSchema, experimentFieldsFromForm);

export interface OverviewCardProps {
  experimentId: string;
  values: ExperimentFieldValues;
  owners: readonly OwnerOption[];
  /** Key and type are fixed once the experiment has left draft. */
  locked: boolean;
  /** Completed or archived: only the description and tags can still change. */
  frozen: boolean;
  canUpdate: boolean;
  action: FormAction;
}

/** The experiment's own fields as an edit form (read-only for those who may not change it). */
export function OverviewCard({ experimentId, values, owners, locked, frozen, canUpdate, action }: OverviewCardProps) {
  const { pending, errors, message, succeeded, onSubmit } = useCheckedAction(action, check);
  const description = !canUpdate
    ? "What is tested, why, by whom and when. You can read this experiment but not change it."
    : frozen
      ? "What was tested, why, by whom and when. The experiment has ended, so only its description (say what you learned) and tags can still change."
      : "What is tested, why, by whom and when.";
  return (
    <Card>
      <CardHeader title="Details" description={description} />
      <form onSubmit={onSubmit} aria-label="Details">
        <input type="hidden" name="experimentId" value={experimentId} />
        <input type="hidden" name="currentKey" value={values.key} />
        <fieldset disabled={!canUpdate} className="min-w-0">
          <CardBody className="space-y-4">
            {message ? <FormMessage tone={succeeded ? "success" : "error"}>{message}</FormMessage> : null}
            <ExperimentFields values={values} owners={owners} errors={errors} locked={locked} frozen={frozen} />
          </CardBody>
        </fieldset>
        {canUpdate ? (
          <CardFooter>
            <PendingButton pending={pending} pendingLabel="Saving…">
              Save changes
            </PendingButton>
          </CardFooter>
        ) : null}
      </form>
    </Card>
  );
}
