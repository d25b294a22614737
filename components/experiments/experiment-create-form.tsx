"use client";

import { useState } from "react";
import type { ExperimentType } from "@/core/experiments/enums";
import { FormMessage } from "@/components/auth/form-message";
import { TargetingEditor } from "@/components/targeting/targeting-editor";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { createExperimentSchema } from "@/server/services/experiments/experiment.schema";
import { ExperimentFields, type OwnerOption } from "./experiment-fields";
import { NEW_VARIANTS_HINT } from "./experiment-type-note";
import { createExperimentFromForm } from "./experiment-form-data";
import { MetricRowsEditor } from "./metric-rows-editor";
import { PendingButton } from "./pending-button";
import { type FormAction, checkWith, useCheckedAction } from "./use-checked-action";
import { VariantRowsEditor } from "./variant-rows-editor";

const check = checkWith(createExperimentSchema, createExperimentFromForm);

const STARTING_VARIANTS = [
  { name: "control", isControl: true, trafficAllocation: 50, configuration: {} },
  { name: "treatment", isControl: false, trafficAllocation: 50, configuration: {} },
];

const STARTING_METRICS = [{ name: "", eventName: "", metricType: "CONVERSION" as const, isPrimary: true }];

export interface ExperimentCreateFormProps {
  action: FormAction;
  owners: readonly OwnerOption[];
  /** The signed-in user, the default owner. */
  currentUserId: string;
}

/**
 * A new experiment with its first variants (control and treatment, 50% each) and a primary metric,
 * created in one go. The server redirects to the experiment's page on success.
 */
export function ExperimentCreateForm({ action, owners, currentUserId }: ExperimentCreateFormProps) {
  const [experimentType, setExperimentType] = useState<ExperimentType>("A_B");
  const { pending, errors, message, onSubmit } = useCheckedAction(action, check);

  return (
    <form onSubmit={onSubmit} className="space-y-6" aria-label="New experiment">
      {message ? <FormMessage>{message}</FormMessage> : null}

      <Card>
        <CardHeader title="Details" description="What you are testing and why. Everything here can be changed while the experiment is a draft." />
        <CardBody>
          <ExperimentFields
            values={{ name: "", key: "", description: "", hypothesis: "", experimentType: "A_B", ownerId: currentUserId, startDate: null, endDate: null, tags: "", metrics: "" }}
            owners={owners}
            errors={errors}
            suggestKey
            onTypeChange={setExperimentType}
          />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Variants" description={NEW_VARIANTS_HINT[experimentType]} />
        <CardBody>
          <VariantRowsEditor initial={STARTING_VARIANTS} experimentType={experimentType} errors={errors} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Metrics" description="What decides whether the change worked. At least one metric must be primary before the experiment can start." />
        <CardBody>
          <MetricRowsEditor initial={STARTING_METRICS} errors={errors} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Targeting" description="Who may enter the experiment. With no rules, every user is eligible." />
        <CardBody>
          <TargetingEditor name="targetingRules" label="Targeting rules" error={errors.targetingRules} />
        </CardBody>
        <CardFooter>
          <ButtonLink href="/experiments" variant="ghost">
            Cancel
          </ButtonLink>
          <PendingButton pending={pending} pendingLabel="Creating…">
            Create experiment
          </PendingButton>
        </CardFooter>
      </Card>
    </form>
  );
}
