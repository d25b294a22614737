"use client";

import { useMemo, useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { planExperiment, powerCurve } from "@/core/stats/plan-experiment";
import { type PlanningErrors, type PlanningValues, toPowerRequest } from "./planning-form-values";
import { PowerCurveChart } from "./power-curve-chart";

export interface PlanningCalculatorProps {
  initial: PlanningValues;
  /** The metric the page was opened from, if any. */
  metricName?: string;
}

const whole = new Intl.NumberFormat("en");
const pct = (value: number) => `${(value * 100).toLocaleString("en", { maximumFractionDigits: 2 })}%`;

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-3">
      <dt className="text-[13px] text-zinc-600">{label}</dt>
      <dd className="mt-0.5 text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums">{value}</dd>
      {detail ? <dd className="text-[13px] text-zinc-600">{detail}</dd> : null}
    </div>
  );
}

/**
 * The sample-size calculator: computes in the browser with the engine's own planning code and the API's
 * schema, so the page and `POST /api/v1/power` always agree.
 */
export function PlanningCalculator({ initial, metricName }: PlanningCalculatorProps) {
  const [values, setValues] = useState(initial);
  const set = (name: keyof PlanningValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));

  const outcome = useMemo(() => {
    const needed = toPowerRequest(values, false);
    if (!needed.request) return { errors: needed.errors };
    const plan = planExperiment(needed.request);
    const checked = values.usersPerVariation.trim() ? toPowerRequest(values, true) : null;
    if (checked && !checked.request) return { errors: checked.errors };
    const atSample = checked?.request ? planExperiment(checked.request) : null;
    const span = Math.max(plan.usersNeeded ?? 0, checked?.request?.users ?? 0, 1000) * 1.5;
    return { errors: {}, request: needed.request, plan, atSample, atUsers: checked?.request?.users, curve: powerCurve(needed.request, span) };
  }, [values]);
  const errors: PlanningErrors = outcome.errors;
  const mean = values.metricType === "mean";

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <Card>
        <CardHeader title="Inputs" description={metricName ? `Prefilled from the metric “${metricName}”.` : "Describe the metric and the change you hope to detect."} />
        <CardBody>
          <form className="space-y-4" onSubmit={(event) => event.preventDefault()} aria-label="Sample size calculator">
            <Field label="Metric type" error={errors.metricType}>
              {(c) => (
                <Select {...c} value={values.metricType} onChange={set("metricType")}>
                  <option value="binomial">Conversion rate (binomial)</option>
                  <option value="mean">Mean (revenue, counts, durations)</option>
                </Select>
              )}
            </Field>
            {mean ? (
              <div className="grid grid-cols-2 gap-3">
                <Field label="Baseline mean" error={errors.mean}>
                  {(c) => <Input {...c} inputMode="decimal" value={values.mean} onChange={set("mean")} />}
                </Field>
                <Field label="Standard deviation" error={errors.standardDeviation}>
                  {(c) => <Input {...c} inputMode="decimal" value={values.standardDeviation} onChange={set("standardDeviation")} />}
                </Field>
              </div>
            ) : (
              <Field label="Baseline conversion rate (%)" error={errors.conversionRate}>
                {(c) => <Input {...c} inputMode="decimal" value={values.conversionRate} onChange={set("conversionRate")} />}
              </Field>
            )}
            <Field label="Minimum detectable effect (%)" hint="Relative: 5 means +5% over the baseline." error={errors.effect}>
              {(c) => <Input {...c} inputMode="decimal" value={values.effect} onChange={set("effect")} />}
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label="Significance level α (%)" error={errors.alpha}>
                {(c) => <Input {...c} inputMode="decimal" value={values.alpha} onChange={set("alpha")} />}
              </Field>
              <Field label="Power (%)" error={errors.power}>
                {(c) => <Input {...c} inputMode="decimal" value={values.power} onChange={set("power")} />}
              </Field>
            </div>
            <div className="grid grid-cols-2 gap-3">
              <Field label="Variations" hint="Including control." error={errors.variations}>
                {(c) => <Input {...c} inputMode="numeric" value={values.variations} onChange={set("variations")} />}
              </Field>
              <Field label="Daily users" hint="Across all variations." error={errors.dailyUsers}>
                {(c) => <Input {...c} inputMode="numeric" value={values.dailyUsers} onChange={set("dailyUsers")} />}
              </Field>
            </div>
            <Field label="Test" hint={values.test === "sequential" ? "Peeking-safe; needs more users." : "Read the result once, at the planned sample size."}>
              {(c) => (
                <Select {...c} value={values.test} onChange={set("test")}>
                  <option value="fixed">Fixed horizon</option>
                  <option value="sequential">Sequential</option>
                </Select>
              )}
            </Field>
            {values.test === "sequential" ? (
              <Field label="Sequential tuning N*" hint="Total users at which the interval is tightest." error={errors.sequentialTuning}>
                {(c) => <Input {...c} inputMode="numeric" value={values.sequentialTuning} onChange={set("sequentialTuning")} />}
              </Field>
            ) : null}
            <Field label="Users per variation to check (optional)" hint="E.g. the metric's minimum sample size." error={errors.usersPerVariation}>
              {(c) => <Input {...c} inputMode="numeric" value={values.usersPerVariation} onChange={set("usersPerVariation")} />}
            </Field>
          </form>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Plan" description="GrowthBook's conventions: relative effect, equal split, the same variance in every arm." />
        <CardBody className="space-y-5">
          {"plan" in outcome && outcome.plan && outcome.request ? (
            <>
              <dl className="grid gap-3 sm:grid-cols-3" aria-live="polite">
                <Figure
                  label="Users needed"
                  value={outcome.plan.usersNeeded == null ? "Not reachable" : whole.format(outcome.plan.usersNeeded)}
                  detail={outcome.plan.usersNeeded == null ? undefined : `${whole.format(outcome.plan.usersNeeded / outcome.request.variations)} per variation`}
                />
                <Figure label="Days" value={outcome.plan.days == null ? "—" : whole.format(outcome.plan.days)} detail={outcome.request.dailyUsers ? `at ${whole.format(outcome.request.dailyUsers)} users a day` : "Enter daily users"} />
                <Figure
                  label={outcome.atSample ? "Power at the checked sample" : "Detectable effect"}
                  value={outcome.atSample?.power !== undefined ? pct(outcome.atSample.power) : outcome.plan.mde == null ? "—" : pct(outcome.plan.mde)}
                  detail={
                    outcome.atSample && outcome.atUsers
                      ? `${whole.format(outcome.atUsers)} users; MDE ${outcome.atSample.mde == null ? "not reachable" : pct(outcome.atSample.mde)}`
                      : `at ${pct(outcome.request.power)} power`
                  }
                />
              </dl>
              {outcome.plan.warning ? <p className="text-[13px] text-warning-800">{outcome.plan.warning}</p> : null}
              {outcome.curve ? <PowerCurveChart points={outcome.curve} targetPower={outcome.request.power} usersNeeded={outcome.plan.usersNeeded ?? null} checkedUsers={outcome.atUsers} /> : null}
            </>
          ) : (
            <p className="text-zinc-600">Fix the highlighted inputs to see the plan.</p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
