import { START_GUARDS, type StartGuard } from "@/core/experiments/start-guards";
import { Alert } from "@/components/ui/alert";
import { CheckCircleIcon, ErrorIcon } from "@/components/ui/icons";
import type { FieldErrors } from "@/server/errors";

const GUARD_LABELS: Record<StartGuard, string> = {
  variant_count: "At least two variants",
  single_control: "Exactly one control variant",
  allocation_total: "Traffic allocations total more than 0% and at most 100%",
  primary_metric: "A primary metric",
  split_urls: "A URL for every variant",
  end_date: "An end date in the future, or none",
};

export interface StartGuardChecklistProps {
  /** The failed guards' messages, keyed `guard.<name>` (as the status action answers). */
  failures: FieldErrors;
  verb: "start" | "resume";
  splitUrl: boolean;
}

/** Why a start or resume was refused: every check, the failed ones with the reason. */
export function StartGuardChecklist({ failures, verb, splitUrl }: StartGuardChecklistProps) {
  const guards = START_GUARDS.filter((guard) => guard !== "split_urls" || splitUrl || failures[`guard.${guard}`]);
  return (
    <Alert tone="danger" title={`This experiment cannot ${verb} yet`}>
      <ul aria-label="Start checks" className="mt-2 space-y-1.5">
        {guards.map((guard) => {
          const messages = failures[`guard.${guard}`];
          return (
            <li key={guard} className="flex items-start gap-2">
              {messages ? (
                <ErrorIcon className="mt-0.5 size-4 shrink-0 text-danger-600" />
              ) : (
                <CheckCircleIcon className="mt-0.5 size-4 shrink-0 text-success-600" />
              )}
              <span>
                <span className={messages ? "font-medium" : "text-zinc-700"}>{GUARD_LABELS[guard]}</span>
                <span className="sr-only">{messages ? ": failed." : ": passed."}</span>
                {messages ? <span className="block text-danger-800">{messages.join(" ")}</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
