import { expect, test } from "@playwright/test";
import { seededKeys } from "./keys";
import { snapshotWidths } from "./screenshots";
import { signIn } from "./session";

// The viewer's test reads the bandit the product manager re-weights first.
test.describe.configure({ mode: "serial" });

const KEY = "e2e-hero-bandit";
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

test("a product manager tunes a running bandit, re-weights it now and sees its history charted", async ({ page, request }) => {
  const keys = seededKeys();
  // A running bandit with users, set up through the API as a service would.
  const created = await request.post("/api/v1/experiments", {
    headers: bearer(keys.ops),
    data: {
      key: KEY,
      name: "Hero image bandit",
      experimentType: "BANDIT",
      variants: [
        { name: "Mountains", isControl: true, trafficAllocation: 50 },
        { name: "City", trafficAllocation: 50 },
      ],
      metricDefinitions: [{ name: "Hero click", eventName: "hero_click", metricType: "CONVERSION", isPrimary: true }],
    },
  });
  expect(created.status()).toBe(201);
  expect((await request.post(`/api/v1/experiments/${KEY}/status`, { headers: bearer(keys.ops), data: { status: "ACTIVE" } })).status()).toBe(200);
  for (let user = 0; user < 60; user++) {
    expect((await request.post("/api/v1/assignments", { headers: bearer(keys.web), data: { userId: `hero-${user}`, experiments: [KEY] } })).status()).toBe(200);
  }

  await signIn(page, "pmanager");
  await page.goto(`/experiments/${KEY}?tab=variants`);
  await expect(page.getByRole("heading", { name: "Bandit", exact: true })).toBeVisible();
  // The default burn-in (100 users per variant) is not over: the button says why, nothing changes.
  await page.getByRole("button", { name: "Re-weight now" }).click();
  await expect(page.getByText(/Still in burn-in: every variant needs 100 users/)).toBeVisible();

  await page.getByRole("button", { name: "Edit settings" }).click();
  await page.getByLabel("Burn-in (users per variant)").fill("0.5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter a whole number of users.")).toBeVisible();
  await page.getByLabel("Burn-in (users per variant)").fill("10");
  await page.getByLabel("Floor per variant (%)").fill("20");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Bandit settings saved.")).toBeVisible();
  await expect(page.getByText("20% of traffic")).toBeVisible();

  await page.getByRole("button", { name: "Re-weight now" }).click();
  await expect(page.getByText("Re-weighted: new users are split by the shares below.")).toBeVisible();
  await expect(page.getByRole("img", { name: /Traffic share per variant over time/ })).toBeVisible();
  await expect(page.getByText(/\(by hand\)/)).toBeVisible();
  await snapshotWidths(page, "bandit-card");
});

test("a viewer sees the bandit's settings and history but cannot change or re-weight it", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto(`/experiments/${KEY}?tab=variants`);
  await expect(page.getByRole("heading", { name: "Bandit", exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: /Traffic share per variant over time/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Re-weight now" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit settings" })).toHaveCount(0);
});
