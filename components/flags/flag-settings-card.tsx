"use client";

import { FormMessage } from "@/components/auth/form-message";
import type { OwnerOption } from "@/components/experiments/experiment-fields";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { variantProblems } from "@/core/flags/flag-values";
import type { FlagVariant } from "@/core/flags/flag-definition";
import { updateFlagSchema } from "@/server/services/flags/flag.schema";
import { type FlagFieldValues, FlagFields } from "./flag-fields";
import { checkFlagForm, problemsAsFieldErrors, readFlagForm } from "./flag-form-data";
import { FlagTypeSection } from "./flag-type-section";
import type { FlagVariantDraft } from "./flag-variants-editor";
import { RolloutField } from "./rollout-field";

// Weights and keys are checked here too, so "weights add up to 90%" shows before a round trip.
const check = checkFlagForm(readFlagForm, updateFlagSchema, (input) =>
  Array.isArray(input.variants) ? problemsAsFieldErrors(variantProblems(input.variants as FlagVariant[])) : {},
);

export interface FlagSettingsCardProps {
  flagId: string;
  values: FlagFieldValues;
  variants: readonly FlagVariantDraft[] | null;
  rolloutPercentage: number;
  owners: readonly OwnerOption[];
  overrideCount: number;
  canUpdate: boolean;
  action: FormAction;
}

/** The flag's own fields, its type and variants, and its rollout, saved together. */
export function FlagSettingsCard({ flagId, values, variants, rolloutPercentage, owners, overrideCount, canUpdate, action }: FlagSettingsCardProps) {
  const { pending, errors, message, succeeded, onSubmit } = useCheckedAction(action, check);
  return (
    <form onSubmit={onSubmit} aria-label="Settings" className="space-y-6">
      <input type="hidden" name="flagId" value={flagId} />
      {message ? <FormMessage tone={succeeded ? "success" : "error"}>{message}</FormMessage> : null}
      <fieldset disabled={!canUpdate} className="min-w-0 space-y-6">
        <Card>
          <CardHeader
            title="Details"
            description={canUpdate ? "What the flag is for and who looks after it." : "What the flag is for and who looks after it. You can read this flag but not change it."}
          />
          <CardBody>
            <FlagFields values={values} owners={owners} errors={errors} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Values and rollout" description="What the flag serves when it is on, and to how many users when no override or rule decided." />
          <CardBody className="space-y-6">
            <FlagTypeSection
              variants={variants}
              errors={errors}
              readOnly={!canUpdate}
              note={overrideCount > 0 ? "Overrides keep their values: a change of type or of variant values that would leave an override without its value is refused." : undefined}
            />
            <RolloutField defaultValue={rolloutPercentage} errors={errors} />
          </CardBody>
          {canUpdate ? (
            <CardFooter>
              <PendingButton pending={pending} pendingLabel="Saving…">
                Save settings
              </PendingButton>
            </CardFooter>
          ) : null}
        </Card>
      </fieldset>
    </form>
  );
}
