import type { ExperimentStatus, ExperimentType } from "@/core/experiments/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const statusTone: Record<ExperimentStatus, BadgeTone> = {
  DRAFT: "neutral",
  ACTIVE: "success",
  PAUSED: "warning",
  COMPLETED: "accent",
  ARCHIVED: "neutral",
};

export const STATUS_LABELS: Record<ExperimentStatus, string> = {
  DRAFT: "Draft",
  ACTIVE: "Active",
  PAUSED: "Paused",
  COMPLETED: "Completed",
  ARCHIVED: "Archived",
};

export const TYPE_LABELS: Record<ExperimentType, string> = {
  A_B: "A/B",
  MULTIVARIATE: "Multivariate",
  SPLIT_URL: "Split URL",
  BANDIT: "Bandit",
};

export function StatusBadge({ status }: { status: ExperimentStatus }) {
  return (
    <Badge tone={statusTone[status]} dot={status === "ACTIVE"}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function TypeBadge({ type }: { type: ExperimentType }) {
  return <span className="whitespace-nowrap text-zinc-600">{TYPE_LABELS[type]}</span>;
}
