"use client";

import { useState } from "react";
import type { FlagStatus } from "@/core/flags/flag-definition";
import { formatPercentage } from "@/core/experiments/allocation";
import { FormMessage } from "@/components/auth/form-message";
import { type FormAction, useCheckedAction } from "@/components/experiments/use-checked-action";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/class-names";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export interface FlagSwitchTarget {
  id: string;
  key: string;
  status: FlagStatus;
  rolloutPercentage: number;
  ruleCount: number;
  activeOverrideCount: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What switching the flag does, said before it happens: who gets what, from when. */
function consequence(flag: FlagSwitchTarget): string {
  if (flag.status === "ACTIVE") {
    const overrides = flag.activeOverrideCount > 0 ? ` Its ${plural(flag.activeOverrideCount, "override stops", "overrides stop")} applying too, until it is turned on again.` : "";
    return `Every user gets the default value at once: the flag's rules and rollout no longer apply.${overrides}`;
  }
  const parts = [
    flag.ruleCount > 0 ? plural(flag.ruleCount, "targeting rule", "targeting rules") : null,
    flag.activeOverrideCount > 0 ? plural(flag.activeOverrideCount, "override", "overrides") : null,
    `a ${formatPercentage(flag.rolloutPercentage)} rollout for everyone else`,
  ].filter(Boolean);
  return `Users get it at once, as its ${parts.join(", ")} decide${parts.length === 1 ? "s" : ""}.`;
}

/** The flag's state for a reader who may not change it: a label, not a control. */
export function FlagStatusLabel({ status }: { status: FlagStatus }) {
  return (
    <Badge tone={status === "ACTIVE" ? "success" : "neutral"} dot>
      {status === "ACTIVE" ? "On" : "Off"}
    </Badge>
  );
}

/**
 * The flag's on/off switch in the list: a real switch (role="switch", named by the flag's key) that asks
 * before it changes anything, since flipping a flag reaches every user within a second.
 */
export function FlagListSwitch({ flag, action }: { flag: FlagSwitchTarget; action: FormAction }) {
  const on = flag.status === "ACTIVE";
  const [asking, setAsking] = useState(false);
  const change = useCheckedAction(action, undefined, () => setAsking(false));

  const submit = () => {
    const form = new FormData();
    form.set("flagId", flag.id);
    form.set("status", on ? "INACTIVE" : "ACTIVE");
    change.submit(form);
  };

  return (
    <>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={flag.key}
        disabled={change.pending}
        onClick={() => setAsking(true)}
        className="group inline-flex items-center gap-2 rounded-full text-[13px] font-medium text-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 disabled:opacity-60"
      >
        <span className={cx("relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors", on ? "bg-success-600" : "bg-zinc-300 group-hover:bg-zinc-400")}>
          <span className={cx("inline-block size-4 rounded-full bg-white shadow-sm transition-transform", on ? "translate-x-4.5" : "translate-x-0.5")} />
        </span>
        <span aria-hidden="true" className="w-6 text-left">
          {on ? "On" : "Off"}
        </span>
      </button>
      <ConfirmDialog
        open={asking}
        title={
          <>
            Turn {on ? "off" : "on"} <code className="font-mono">{flag.key}</code>?
          </>
        }
        confirmLabel={on ? "Turn off" : "Turn on"}
        tone={on ? "danger" : "primary"}
        pending={change.pending}
        onConfirm={submit}
        onClose={() => setAsking(false)}
      >
        <p>{consequence(flag)}</p>
        {change.message && !change.succeeded ? <FormMessage>{change.message}</FormMessage> : null}
      </ConfirmDialog>
    </>
  );
}
