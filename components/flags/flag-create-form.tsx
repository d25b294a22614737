"use client";

import { FormMessage } from "@/components/auth/form-message";
import type { OwnerOption } from "@/components/experiments/experiment-fields";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { createFlagSchema } from "@/server/services/flags/flag.schema";
import { FlagFields } from "./flag-fields";
import { checkFlagForm, readFlagForm } from "./flag-form-data";
import { FlagTypeSection } from "./flag-type-section";
import { RolloutField } from "./rollout-field";

const check = checkFlagForm(readFlagForm, createFlagSchema);

export interface FlagCreateFormProps {
  action: FormAction;
  owners: readonly OwnerOption[];
  /** The signed-in user, the default owner. */
  currentUserId: string;
}

/**
 * A new flag: its details, boolean or multivariate (with variants), and a starting rollout. It is created
 * switched off; rules and overrides are added on its page, where the server redirects on success.
 */
export function FlagCreateForm({ action, owners, currentUserId }: FlagCreateFormProps) {
  const { pending, errors, message, onSubmit } = useCheckedAction(action, check);
  return (
    <form onSubmit={onSubmit} className="space-y-6" aria-label="New feature flag">
      {message ? <FormMessage>{message}</FormMessage> : null}
      <Card>
        <CardHeader title="Details" description="What the flag is for and who looks after it." />
        <CardBody>
          <FlagFields values={{ key: "", name: "", description: "", tags: "", ownerId: currentUserId }} owners={owners} errors={errors} creating />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Values and rollout" description="What the flag serves, and to how many users once it is switched on. It starts switched off." />
        <CardBody className="space-y-6">
          <FlagTypeSection variants={null} errors={errors} />
          <RolloutField defaultValue={0} errors={errors} />
        </CardBody>
        <CardFooter>
          <ButtonLink href="/flags" variant="ghost">
            Cancel
          </ButtonLink>
          <PendingButton pending={pending} pendingLabel="Creating…">
            Create flag
          </PendingButton>
        </CardFooter>
      </Card>
    </form>
  );
}
