import type { Metadata } from "next";
import { PlanningCalculator } from "@/components/planning/planning-calculator";
import { DEFAULT_PLANNING_VALUES, type PlanningValues } from "@/components/planning/planning-form-values";
import { AreaPage } from "@/components/shell/area-page";
import { requireUser, userCan } from "@/server/auth/session";

export const metadata: Metadata = { title: "Planning" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? undefined;

/** Query parameters from a metric's "Plan" link; a relative effect of 0.05 shows as 5%. */
function initialValues(search: Search): PlanningValues {
  const effect = Number(first(search.effect));
  const minimum = first(search.minimumSampleSize);
  return {
    ...DEFAULT_PLANNING_VALUES,
    ...(first(search.metricType) === "mean" ? { metricType: "mean" as const } : {}),
    ...(Number.isFinite(effect) && effect !== 0 ? { effect: String(Math.round(effect * 100 * 1e6) / 1e6) } : {}),
    ...(minimum && /^\d+$/.test(minimum) ? { usersPerVariation: minimum } : {}),
  };
}

export default async function PlanningPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser();
  const allowed = await userCan("experiment", "read");
  const search = await searchParams;
  return (
    <AreaPage title="Planning" description="How many users, and how many days, an experiment needs to detect the effect you care about." allowed={allowed}>
      <PlanningCalculator initial={initialValues(search)} metricName={first(search.metric)} />
    </AreaPage>
  );
}
