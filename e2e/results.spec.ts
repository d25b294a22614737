import { copyFileSync, mkdirSync } from "node:fs";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { seededKeys } from "./keys";
import { WIDTHS } from "./screenshots";
import { signIn } from "./session";

/**
 * Issue #10's "done means": synthetic traffic through the public API (assignments with a client key,
 * events with a client key), then the Results tab shows the users, rates and a significant lift, with
 * charts. Screenshots at 1440 and 390 px of each state a product manager meets.
 */
test.describe.configure({ mode: "serial" });

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const SHOTS = process.env.RESULTS_SHOTS_DIR;

/**
 * Screenshots at 1440 and 390 px (in e2e/.artifacts; RESULTS_SHOTS_DIR, optional, gets a copy for review).
 * At each width the page must not scroll sideways once the charts have fitted themselves to it: tables
 * scroll inside their cards, never the page.
 */
async function shoot(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const { name: width, ...size } of WIDTHS) {
    await page.setViewportSize(size);
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
    const path = `e2e/.artifacts/${name}-${width}.png`;
    await page.screenshot({ path, fullPage: true });
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      copyFileSync(path, `${SHOTS}/${name}-${width}.png`);
    }
  }
  if (before) await page.setViewportSize(before);
}

async function createRunningExperiment(request: APIRequestContext, key: string, metric: Record<string, unknown>, more: Record<string, unknown>[] = []): Promise<void> {
  const ops = bearer(seededKeys().ops);
  const created = await request.post("/api/v1/experiments", {
    headers: ops,
    data: {
      key,
      name: `Results: ${key}`,
      experimentType: "A_B",
      hypothesis: "A shorter sign-up form makes more visitors sign up.",
      variants: [
        { name: "control", isControl: true, trafficAllocation: 50 },
        { name: "treatment", isControl: false, trafficAllocation: 50 },
      ],
      metricDefinitions: [{ name: "Signed up", eventName: "signup", metricType: "CONVERSION", isPrimary: true, ...metric }, ...more],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const started = await request.post(`/api/v1/experiments/${key}/status`, { headers: ops, data: { status: "ACTIVE" } });
  expect(started.status(), await started.text()).toBe(200);
}

/** Assigns users through the SDK endpoint, a few requests at a time; answers each user's variant. */
async function assignUsers(request: APIRequestContext, key: string, users: string[]): Promise<Map<string, string>> {
  const web = bearer(seededKeys().web);
  const variants = new Map<string, string>();
  for (let i = 0; i < users.length; i += 25) {
    await Promise.all(
      users.slice(i, i + 25).map(async (userId) => {
        const response = await request.post("/api/v1/assignments", { headers: web, data: { userId, experiments: [key] } });
        expect(response.status()).toBe(200);
        const [assignment] = (await response.json()).assignments as Array<{ variant: string | null }>;
        if (assignment?.variant) variants.set(userId, assignment.variant);
      }),
    );
  }
  return variants;
}

/** Sends events through `POST /api/v1/events` with the client key, 1,000 a request; every one must be accepted. */
async function sendEvents(request: APIRequestContext, key: string, userIds: string[], eventType = "signup"): Promise<void> {
  const web = bearer(seededKeys().web);
  for (let i = 0; i < userIds.length; i += 1000) {
    const events = userIds.slice(i, i + 1000).map((userId) => ({ eventType, userId, experiment: key, id: `${key}-${eventType}-${userId}` }));
    const response = await request.post("/api/v1/events", { headers: web, data: { events } });
    expect(response.status(), await response.text()).toBe(202);
    expect(await response.json()).toMatchObject({ accepted: events.length, rejected: [] });
  }
}

async function openResults(page: Page, key: string, query = ""): Promise<void> {
  await page.goto(`/experiments/${key}?tab=results${query}`);
  await expect(page.getByRole("tab", { name: "Results" })).toHaveAttribute("aria-selected", "true");
}

async function refresh(page: Page): Promise<void> {
  const panel = page.getByRole("tabpanel", { name: "Results" });
  await panel.getByRole("button", { name: "Refresh" }).click();
  await expect(panel.getByRole("button", { name: "Refresh" })).toBeEnabled();
}

const rate = (converted: number, users: number) => {
  const percent = (converted / users) * 100;
  return `${new Intl.NumberFormat("en-US", { maximumFractionDigits: percent < 10 ? 1 : 0 }).format(percent)}%`;
};

test("2,000 users through the API: the Results tab shows the split, the rates, a significant lift and charts", async ({ page, request }) => {
  test.setTimeout(300_000);
  const key = "results-signup-form";
  // A guardrail beside the primary metric: unsubscribing, where lower is better.
  await createRunningExperiment(request, key, {}, [{ name: "Unsubscribed", eventName: "unsubscribe", metricType: "CONVERSION", isPrimary: false, lowerIsBetter: true }]);
  const users = Array.from({ length: 2000 }, (_, i) => `results-user-${i}`);
  const assigned = await assignUsers(request, key, users);
  expect(assigned.size).toBe(2000);

  // Every 10th control user and every 5th treatment user signs up: 10% against 20%, exactly.
  const control = users.filter((u) => assigned.get(u) === "control");
  const treatment = users.filter((u) => assigned.get(u) === "treatment");
  const converters = [...control.filter((_, i) => i % 10 === 0), ...treatment.filter((_, i) => i % 5 === 0)];
  await sendEvents(request, key, converters);
  // A retry of the same events (same ids) is acknowledged and not counted twice.
  const retried = converters.slice(0, 50).map((userId) => ({ eventType: "signup", userId, experiment: key, id: `${key}-signup-${userId}` }));
  const retry = await request.post("/api/v1/events", { headers: bearer(seededKeys().web), data: { events: retried } });
  expect(retry.status()).toBe(202);
  expect(await retry.json()).toMatchObject({ accepted: 0, duplicates: 50 });
  // Treatment also makes 10% unsubscribe against 2.5%: significantly worse on the guardrail.
  await sendEvents(request, key, [...control.filter((_, i) => i % 40 === 0), ...treatment.filter((_, i) => i % 10 === 0)], "unsubscribe");
  const controlRate = rate(Math.ceil(control.length / 10), control.length);
  const treatmentRate = rate(Math.ceil(treatment.length / 5), treatment.length);

  await signIn(page, "pmanager");
  await openResults(page, key);
  await refresh(page);
  await page.reload();
  const card = page.getByRole("region", { name: "Metric Signed up" });
  const table = card.getByRole("table", { name: "Signed up by variant" });
  const controlRow = table.getByRole("row", { name: /^control/ });
  const treatmentRow = table.getByRole("row", { name: /^treatment/ });
  await expect(controlRow.getByRole("cell").nth(0)).toHaveText(control.length.toLocaleString("en-US"));
  await expect(controlRow.getByRole("cell").nth(1)).toHaveText(controlRate);
  await expect(treatmentRow.getByRole("cell").nth(0)).toHaveText(treatment.length.toLocaleString("en-US"));
  await expect(treatmentRow.getByRole("cell").nth(1)).toHaveText(treatmentRate);
  await expect(treatmentRow.getByText("Significant win")).toBeVisible();
  await expect(card.getByText(/^treatment raised the conversion rate by \d+% \(95% CI \+\d+% to \+\d+%\); this is statistically significant\.$/)).toBeVisible();
  await expect(card.getByText("Primary")).toBeVisible();
  const panel = page.getByRole("tabpanel", { name: "Results" });
  await expect(panel.getByText("p-values adjusted for 2 comparisons with Holm.", { exact: false })).toBeVisible();
  // The guardrail: flagged on its card, named in red words, lower-is-better respected.
  const guardrail = page.getByRole("region", { name: "Metric Unsubscribed" });
  await expect(guardrail.getByText("Guardrail")).toBeVisible();
  await expect(guardrail.getByRole("row", { name: /^treatment/ }).getByText("Significant loss")).toBeVisible();
  await expect(guardrail.getByText(/^treatment raised the conversion rate by \d+% .*statistically significant in the wrong direction \(lower is better\)\.$/)).toBeVisible();
  await expect(panel.getByText(/Last updated \d/)).toBeVisible();
  // Charts: the forest plot, users over time, the rate and the lift over time.
  await expect(card.getByRole("img", { name: /^treatment: \+\d+%/ })).toBeVisible();
  await expect(panel.getByRole("figure", { name: /^Users per variant/ }).getByRole("application")).toBeVisible();
  for (const chart of [/^Conversion rate over time/, /^Lift over time/]) {
    await expect(card.getByRole("figure", { name: chart }).getByRole("application")).toBeVisible();
  }
  await expect(card.getByRole("figure", { name: /^Lift over time/ }).locator(".recharts-line-dots circle")).not.toHaveCount(0);
  await shoot(page, "results-frequentist");

  // The Bayesian engine: chance to win instead of a p-value, a credible interval.
  await panel.getByRole("navigation", { name: "Statistics engine" }).getByRole("link", { name: "Bayesian" }).click();
  await expect(page).toHaveURL(/engine=bayesian/);
  await expect(table.getByRole("columnheader", { name: "Chance to win" })).toBeVisible();
  await expect(card.getByText(/95% credible interval .* chance to beat control\. Likely an improvement\./)).toBeVisible();
  await shoot(page, "results-bayesian");

  // The CSV export carries the same numbers.
  const csv = await page.request.get(`/experiments/${key}/results.csv?engine=frequentist&difference=absolute`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(5);
  expect(lines[1]).toContain(`,Signed up,CONVERSION,true,false,control,true,${control.length},`);
  expect(lines[2]).toContain(`,Signed up,CONVERSION,true,false,treatment,false,${treatment.length},`);

  // The Overview warns about the guardrail and links to the results.
  await page.goto(`/experiments/${key}`);
  const banner = page.getByRole("alert").filter({ hasText: "A guardrail metric is moving the wrong way" });
  await expect(banner).toContainText("Significantly worse than control: Unsubscribed (treatment).");
  await shoot(page, "results-guardrail-overview");
  await banner.getByRole("link", { name: "See the results" }).click();
  await expect(page.getByRole("tab", { name: "Results" })).toHaveAttribute("aria-selected", "true");
  // Without a session the export refuses, in the API's error shape.
  const anonymous = await request.get(`/experiments/${key}/results.csv`, { maxRedirects: 0 });
  expect([302, 303, 307, 401]).toContain(anonymous.status());
});

test("a split that is off raises the SRM banner; too few users say 'not enough data'", async ({ page, request }) => {
  test.setTimeout(240_000);
  const ops = bearer(seededKeys().ops);
  const key = "results-srm";
  await createRunningExperiment(request, key, { minimumSampleSize: 1000 });
  const users = Array.from({ length: 400 }, (_, i) => `srm-user-${i}`);
  await assignUsers(request, key, users);
  // Moving the allocation to 90/10 while running: the 50/50 users already in are now far off the plan.
  const experiment = (await (await request.get(`/api/v1/experiments/${key}`, { headers: ops })).json()) as { variants: Array<{ id: string; name: string }> };
  for (const [name, trafficAllocation] of [["treatment", 10], ["control", 90]] as const) {
    const variant = experiment.variants.find((v) => v.name === name);
    const changed = await request.patch(`/api/v1/experiments/${key}/variants/${variant?.id}`, { headers: ops, data: { trafficAllocation } });
    expect(changed.status(), await changed.text()).toBe(200);
  }
  await sendEvents(request, key, users.filter((_, i) => i % 7 === 0));

  await signIn(page, "pmanager");
  await openResults(page, key);
  await refresh(page);
  await page.reload();
  const panel = page.getByRole("tabpanel", { name: "Results" });
  await expect(panel.getByRole("alert").filter({ hasText: "Sample ratio mismatch" })).toContainText(/control has \d+ users \(\d+%\) where \d+ \(90%\) were expected/);
  await expect(panel.getByText(/^Not enough data yet: \d+ of 1,000 users in the smallest variant\.$/)).toBeVisible();
  await expect(panel.getByRole("row", { name: /^treatment/ }).getByText("Not enough data")).toBeVisible();
  await shoot(page, "results-srm-not-enough-data");
});

test("an experiment nobody has been assigned to yet shows an empty state", async ({ page, request }) => {
  const key = "results-empty";
  await createRunningExperiment(request, key, {});
  await signIn(page, "pmanager");
  await openResults(page, key);
  await expect(page.getByRole("heading", { name: "No users in this experiment yet" })).toBeVisible();
  await shoot(page, "results-empty");
});
