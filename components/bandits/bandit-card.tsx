"use client";

import { type ReactNode, useState } from "react";
import { FormMessage } from "@/components/auth/form-message";
import { PendingButton } from "@/components/experiments/pending-button";
import { type FormAction, checkWith, useCheckedAction } from "@/components/experiments/use-checked-action";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format-date";
import { Input } from "@/components/ui/input";
import type { BanditSettings } from "@/core/bandits/plan-reweight";
import type { ExperimentStatus } from "@/core/experiments/enums";
import { banditSettingsSchema } from "@/server/services/bandits/bandit.schema";
import { type BanditHistoryPoint, banditChartData } from "./bandit-chart-data";
import { BanditHistoryChart } from "./bandit-history-chart";

const settingsOf = (form: FormData) => ({ intervalMinutes: form.get("intervalMinutes"), floorPercent: form.get("floorPercent"), burnInUsers: form.get("burnInUsers") });
const check = checkWith(banditSettingsSchema, settingsOf);

export interface BanditCardProps {
  experimentId: string;
  status: ExperimentStatus;
  settings: BanditSettings;
  /** The primary metric's name, or null when the experiment has none. */
  primaryMetric: string | null;
  history: readonly BanditHistoryPoint[];
  variants: readonly { id: string; name: string }[];
  /** Render time from the server, so the chart's last step ends at the same place on both sides. */
  now: string;
  /** May re-weight (experiment:update). */
  canUpdate: boolean;
  /** May change the settings (experiment:update and not completed or archived). */
  canConfigure: boolean;
  actions: { saveSettings: FormAction; reweight: FormAction };
}

const TRIGGER_WORDS: Record<BanditHistoryPoint["trigger"], string> = { schedule: "on schedule", manual: "by hand", start: "start" };

function every(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? "every hour" : `every ${minutes / 60} hours`;
  return minutes === 1 ? "every minute" : `every ${minutes} minutes`;
}

/** A bandit's settings, its "Re-weight now" button and the history of its traffic split. */
export function BanditCard({ experimentId, status, settings, primaryMetric, history, variants, now, canUpdate, canConfigure, actions }: BanditCardProps) {
  const [editing, setEditing] = useState(false);
  const save = useCheckedAction(actions.saveSettings, check, () => setEditing(false));
  const reweight = useCheckedAction(actions.reweight);
  const { rows, series } = banditChartData(history, variants, new Date(now));
  const last = history.findLast((point) => point.trigger !== "start");
  const running = status === "ACTIVE";

  return (
    <Card>
      <CardHeader
        title="Bandit"
        description={
          <>
            Thompson sampling on the primary metric{primaryMetric ? <> (<span className="font-medium text-zinc-900">{primaryMetric}</span>)</> : null} moves traffic
            towards the variant most likely to be best, {every(settings.intervalMinutes)}. Users keep the variant they were first given.
          </>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {canConfigure && !editing ? (
              <Button size="sm" onClick={() => setEditing(true)}>
                Edit settings
              </Button>
            ) : null}
            {canUpdate && running ? (
              <form onSubmit={reweight.onSubmit} aria-label="Re-weight now">
                <input type="hidden" name="experimentId" value={experimentId} />
                <PendingButton size="sm" pending={reweight.pending} pendingLabel="Re-weighting…">
                  Re-weight now
                </PendingButton>
              </form>
            ) : null}
          </div>
        }
      />
      {editing ? (
        <form onSubmit={save.onSubmit} aria-label="Bandit settings" noValidate>
          <input type="hidden" name="experimentId" value={experimentId} />
          <CardBody className="space-y-4">
            {save.message ? <FormMessage>{save.message}</FormMessage> : null}
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Re-weight every (minutes)" error={save.errors.intervalMinutes} hint="From 1 minute to a week.">
                {(control) => <Input {...control} name="intervalMinutes" type="number" inputMode="numeric" min={1} step={1} defaultValue={settings.intervalMinutes} />}
              </Field>
              <Field label="Floor per variant (%)" error={save.errors.floorPercent} hint="The least share of traffic each variant keeps.">
                {(control) => <Input {...control} name="floorPercent" type="number" inputMode="decimal" min={0} max={50} step="any" defaultValue={settings.floorPercent} />}
              </Field>
              <Field label="Burn-in (users per variant)" error={save.errors.burnInUsers} hint="No re-weighting before every variant has this many.">
                {(control) => <Input {...control} name="burnInUsers" type="number" inputMode="numeric" min={0} step={1} defaultValue={settings.burnInUsers} />}
              </Field>
            </div>
          </CardBody>
          <CardFooter>
            <Button variant="ghost" onClick={() => setEditing(false)} disabled={save.pending}>
              Cancel
            </Button>
            <PendingButton pending={save.pending} pendingLabel="Saving…">
              Save settings
            </PendingButton>
          </CardFooter>
        </form>
      ) : (
        <CardBody className="space-y-5">
          {save.succeeded && save.message ? <FormMessage tone="success">{save.message}</FormMessage> : null}
          {reweight.message ? <FormMessage tone={reweight.succeeded ? "success" : "error"}>{reweight.message}</FormMessage> : null}
          <dl className="grid grid-cols-2 gap-3 text-[13px] lg:grid-cols-4">
            <Setting label="Re-weighting">{every(settings.intervalMinutes)}</Setting>
            <Setting label="Floor per variant">{settings.floorPercent}% of traffic</Setting>
            <Setting label="Burn-in">{settings.burnInUsers.toLocaleString("en")} users per variant</Setting>
            <Setting label="Last re-weighted">{last ? `${formatDateTime(new Date(last.createdAt))} (${TRIGGER_WORDS[last.trigger]})` : "Not yet"}</Setting>
          </dl>
          {rows.length > 0 ? (
            <BanditHistoryChart rows={rows} series={series} />
          ) : (
            <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-6 text-center text-zinc-600">
              {running
                ? `No re-weighting yet: the first comes once every variant has ${settings.burnInUsers.toLocaleString("en")} users. The chart of traffic shares starts then.`
                : "The chart of traffic shares appears once the bandit runs and re-weights its variants."}
            </p>
          )}
        </CardBody>
      )}
    </Card>
  );
}

function Setting({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg bg-zinc-50 px-3 py-2">
      <dt className="text-zinc-600">{label}</dt>
      <dd className="mt-0.5 font-medium text-zinc-900">{children}</dd>
    </div>
  );
}
