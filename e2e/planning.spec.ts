import { expect, test } from "@playwright/test";
import { seededKeys } from "./keys";
import { snapshot } from "./screenshots";
import { signIn } from "./session";

const EXPERIMENT_KEY = "planning-signup-flow";

test("a product manager plans from a metric: prefilled calculator, users and days, power curve; the API agrees", async ({ page, request }) => {
  const headers = { authorization: `Bearer ${seededKeys().ops}` };
  const created = await request.post("/api/v1/experiments", {
    headers,
    data: {
      key: EXPERIMENT_KEY,
      name: "Sign-up flow",
      experimentType: "A_B",
      variants: [
        { name: "control", isControl: true, trafficAllocation: 50 },
        { name: "treatment", trafficAllocation: 50 },
      ],
      metricDefinitions: [{ name: "Sign-ups", eventName: "signup", metricType: "CONVERSION", isPrimary: true, minimumSampleSize: 20000, expectedEffect: 0.05 }],
    },
  });
  expect(created.status()).toBe(201);

  await signIn(page, "pmanager");
  await page.getByRole("link", { name: "Planning" }).first().waitFor();
  await page.goto(`/experiments/${EXPERIMENT_KEY}?tab=metrics`);
  await page.getByRole("link", { name: "Plan sample size for Sign-ups" }).scrollIntoViewIfNeeded();
  await snapshot(page, "planning-metric-link");
  await page.getByRole("link", { name: "Plan sample size for Sign-ups" }).click();
  await expect(page).toHaveURL(/\/planning\?/);
  await expect(page.getByRole("heading", { name: "Planning", level: 1 })).toBeVisible();
  await expect(page.getByText("Prefilled from the metric “Sign-ups”.")).toBeVisible();
  await expect(page.getByLabel("Minimum detectable effect (%)")).toHaveValue("5");
  await expect(page.getByLabel("Users per variation to check (optional)")).toHaveValue("20000");

  // The page computes in the browser; POST /api/v1/power answers the same question over HTTP.
  await page.getByLabel("Baseline conversion rate (%)").fill("10");
  await page.getByLabel("Daily users").fill("5000");
  const api = await request.post("/api/v1/power", {
    headers: { authorization: `Bearer ${seededKeys().web}` },
    data: { metricType: "binomial", baseline: { mean: 0.1 }, effect: 0.05, variations: 2, dailyUsers: 5000 },
  });
  expect(api.status()).toBe(200);
  const plan = (await api.json()) as { usersNeeded: number; days: number };
  const figures = page.getByRole("definition");
  await expect(figures.filter({ hasText: plan.usersNeeded.toLocaleString("en") }).first()).toBeVisible();
  await expect(figures.filter({ hasText: new RegExp(`^${plan.days}$`) }).first()).toBeVisible();
  await expect(page.getByRole("img", { name: /Power curve/ })).toBeVisible();
  await expect(page.locator(".recharts-line-curve")).toBeVisible();

  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await snapshot(page, `planning-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // Sequential plans need more users.
  await page.getByLabel("Test", { exact: true }).selectOption("sequential");
  await expect(page.getByLabel("Sequential tuning N*")).toHaveValue("5000");
  await expect(figures.filter({ hasText: plan.usersNeeded.toLocaleString("en") })).toHaveCount(0);

  // Bad input says what is wrong and where.
  await page.getByLabel("Baseline conversion rate (%)").fill("150");
  await expect(page.getByText("Enter a percentage above 0 and below 100.")).toBeVisible();
  await expect(page.getByLabel("Baseline conversion rate (%)")).toHaveAttribute("aria-invalid", "true");
  await snapshot(page, "planning-error");
});

test("POST /api/v1/analysis over HTTP reproduces GrowthBook's published Welch test", async ({ request }) => {
  const response = await request.post("/api/v1/analysis", {
    headers: { authorization: `Bearer ${seededKeys().web}` },
    data: {
      metricType: "mean",
      variants: [
        { name: "control", isControl: true, users: 3407, sum: 1396.87, sumSquares: 52377.9767 },
        { name: "treatment", users: 3461, sum: 2422.7, sumSquares: 134698.29 },
      ],
    },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { variants: Record<string, number>[] };
  // packages/stats/tests/frequentist/test_tests.py: uplift 0.70732, CI [-0.03526, 1.44989], p 0.06191.
  expect(body.variants[1]!.relativeEffect).toBeCloseTo(0.70732, 5);
  expect(body.variants[1]!.ciLower).toBeCloseTo(-0.03526, 5);
  expect(body.variants[1]!.ciUpper).toBeCloseTo(1.44989, 5);
  expect(body.variants[1]!.pValue).toBeCloseTo(0.06191, 5);

  const unauthenticated = await request.post("/api/v1/analysis", { data: {} });
  expect(unauthenticated.status()).toBe(401);
});

test("a viewer may plan too (it reads, it changes nothing)", async ({ page }) => {
  await signIn(page, "viewer");
  await page.getByRole("link", { name: "Planning" }).first().click();
  await expect(page.getByRole("heading", { name: "Planning", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Metric type")).toHaveValue("binomial");
});
