import { ButtonLink } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";

/** The experiments list's primary action; render it only for users who may create experiments. */
export function NewExperimentButton() {
  return (
    <ButtonLink href="/experiments/new" variant="primary">
      <PlusIcon />
      New experiment
    </ButtonLink>
  );
}
