"use client";

import { useSyncExternalStore } from "react";
import type { ExperimentStatus, ExperimentType } from "@/core/experiments/enums";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

const noSubscription = () => () => {};

/** The page's origin once in the browser; "" while rendering on the server, which cannot know the public host. */
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}

/** The split-URL redirect a page links its users through (DESIGN §7: `GET /r/{key}?userId=...`, with a client key). */
export function redirectLink(origin: string, key: string): string {
  return `${origin}/r/${encodeURIComponent(key)}?userId=USER_ID&key=CLIENT_KEY`;
}

export interface ExperimentTypeNoteProps {
  experimentKey: string;
  experimentType: ExperimentType;
  status: ExperimentStatus;
  variantCount: number;
}

/** What is particular about this experiment's type, as a card of the overview; nothing for a plain A/B test. */
export function ExperimentTypeNote(props: ExperimentTypeNoteProps) {
  const titles = { A_B: null, MULTIVARIATE: "Multivariate experiment", BANDIT: "Bandit experiment", SPLIT_URL: "Split-URL experiment" } as const;
  const title = titles[props.experimentType];
  if (title === null) return null;
  return (
    <Card>
      <CardHeader title={title} />
      <CardBody>
        <TypeNoteText {...props} />
      </CardBody>
    </Card>
  );
}

function TypeNoteText({ experimentKey, experimentType, status, variantCount }: ExperimentTypeNoteProps) {
  const origin = useOrigin();
  if (experimentType === "MULTIVARIATE") {
    return (
      <p className="text-zinc-700">
        A multivariate experiment compares more than two variants at once (it has {variantCount}); each treatment is read against the control.
      </p>
    );
  }
  if (experimentType === "BANDIT") {
    return (
      <p className="text-zinc-700">
        {status === "DRAFT"
          ? "A bandit experiment starts from these allocations; once it runs, they are managed automatically, moving traffic towards the variants that do best on the primary metric."
          : "A bandit experiment's allocations are managed automatically while it runs, moving traffic towards the variants that do best on the primary metric."}
      </p>
    );
  }
  if (experimentType === "SPLIT_URL") {
    const link = redirectLink(origin, experimentKey);
    return (
      <div className="space-y-2 text-zinc-700">
        <p>
          Send users to this link: it redirects each one to the URL of their variant. Replace <code>USER_ID</code> with the user&apos;s id and{" "}
          <code>CLIENT_KEY</code> with a client API key.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <code className="min-w-0 rounded-md border border-zinc-200 bg-zinc-50 px-2 py-1 font-mono text-xs break-all text-zinc-800">
            {link}
          </code>
          <CopyButton text={link} label="Copy redirect link" />
        </div>
      </div>
    );
  }
  return null;
}

/** What the variants of a new experiment of each type should be, under the create form's variant editor. */
export const NEW_VARIANTS_HINT: Readonly<Record<ExperimentType, string>> = {
  A_B: "Each variant's allocation is its share of all eligible users; whatever is left of 100% is not enrolled. Exactly one variant is the control.",
  MULTIVARIATE:
    "A multivariate experiment compares more than two variants at once: add one for each version, and mark the control. Allocations are shares of all eligible users.",
  SPLIT_URL: "Each variant sends its users to its own page: give every variant an absolute http(s) URL. Exactly one variant is the control.",
  BANDIT:
    "These are the starting allocations: once the experiment runs, they are managed automatically, moving traffic towards the variants that do best on the primary metric.",
};
