"use client";

import { FormMessage } from "@/components/auth/form-message";
import { TargetingEditor } from "@/components/targeting/targeting-editor";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import type { Condition } from "@/core/conditions/condition";
import { PendingButton } from "./pending-button";
import { type FormAction, useCheckedAction } from "./use-checked-action";

export interface TargetingCardProps {
  experimentId: string;
  /** The stored condition, or its JSON text when it cannot be read as one. */
  targetingRules: Condition | string | null;
  canUpdate: boolean;
  action: FormAction;
}

/** Who may enter the experiment: the rule builder (or raw JSON) over its GrowthBook condition. */
export function TargetingCard({ experimentId, targetingRules, canUpdate, action }: TargetingCardProps) {
  const { pending, errors, message, succeeded, onSubmit } = useCheckedAction(action);
  return (
    <Card>
      <CardHeader title="Targeting" description="Only users whose attributes match these rules can be enrolled. With no rules, every user is eligible." />
      <form onSubmit={onSubmit} aria-label="Targeting">
        <input type="hidden" name="experimentId" value={experimentId} />
        <fieldset disabled={!canUpdate} className="min-w-0">
          <CardBody className="space-y-4">
            {message ? <FormMessage tone={succeeded ? "success" : "error"}>{message}</FormMessage> : null}
            <TargetingEditor name="targetingRules" label="Targeting rules" defaultValue={targetingRules} error={errors.targetingRules} />
          </CardBody>
        </fieldset>
        {canUpdate ? (
          <CardFooter>
            <PendingButton pending={pending} pendingLabel="Saving…">
              Save targeting
            </PendingButton>
          </CardFooter>
        ) : null}
      </form>
    </Card>
  );
}
