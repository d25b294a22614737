import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { seededKeys } from "./keys";
import { snapshotWidths } from "./screenshots";
import { signIn } from "./session";

/**
 * The feature flags list (issue 7, item 1), as its users meet it: flags are set up through the management
 * API (an admin key), then found, sorted, filtered, paged and switched in the browser.
 */

const admin = () => ({ authorization: `Bearer ${seededKeys().ops}` });

interface FlagSetup {
  key: string;
  status?: "ACTIVE" | "INACTIVE";
  tags?: string[];
  rolloutPercentage?: number;
  description?: string;
  variants?: Array<{ key: string; value: unknown; weight: number }>;
  targetingRules?: Array<{ condition: Record<string, unknown> }>;
}

async function createFlag(request: APIRequestContext, setup: FlagSetup): Promise<void> {
  const created = await request.post("/api/v1/flags", { headers: admin(), data: { name: `Flag ${setup.key}`, ...setup } });
  expect(created.status(), await created.text()).toBe(201);
}

async function flagStatus(request: APIRequestContext, key: string): Promise<string> {
  const answer = await request.get(`/api/v1/flags/${key}`, { headers: admin() });
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { status: string }).status;
}

/** Every flag of the shared e2e server goes: the "no flags at all" state needs none (specs that run later create their own). */
async function deleteEveryFlag(request: APIRequestContext): Promise<void> {
  for (;;) {
    const page = await request.get("/api/v1/flags?pageSize=100", { headers: admin() });
    expect(page.status()).toBe(200);
    const { data } = (await page.json()) as { data: Array<{ key: string }> };
    if (data.length === 0) return;
    for (const { key } of data) expect((await request.delete(`/api/v1/flags/${key}`, { headers: admin() })).status()).toBe(200);
  }
}

const rows = (page: Page) => page.getByRole("table", { name: "Feature flags" }).locator("tbody tr");
const firstKeys = async (page: Page, n: number) => (await rows(page).locator("td:first-child a").allTextContents()).slice(0, n);

test.describe.configure({ mode: "serial" });

test("with no flags the list invites whoever may create one to make the first", async ({ page, request }) => {
  await deleteEveryFlag(request);
  await signIn(page, "pmanager");
  await page.goto("/flags");
  await expect(page.getByRole("heading", { name: "No feature flags yet" })).toBeVisible();
  const links = page.getByRole("link", { name: "New flag" });
  await expect(links.first()).toHaveAttribute("href", "/flags/new");
  await snapshotWidths(page, "flags-empty");
});

test("a viewer sees the empty list without the call to create", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/flags");
  await expect(page.getByRole("heading", { name: "No feature flags yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New flag" })).toHaveCount(0);
});

test.describe("with 30 flags", () => {
  test.beforeAll(async ({ request }) => {
    // fl-01 … fl-30: odd ones on, every third tagged "checkout", rollout 3·i %, some rules and variants.
    for (let i = 1; i <= 30; i++) {
      await createFlag(request, {
        key: `fl-${String(i).padStart(2, "0")}`,
        status: i % 2 === 1 ? "ACTIVE" : "INACTIVE",
        tags: i % 3 === 0 ? ["checkout"] : ["web"],
        rolloutPercentage: (i * 3) % 101,
        description: i === 17 ? "Shows the new pricing banner" : undefined,
        targetingRules: Array.from({ length: i % 3 }, () => ({ condition: { country: "NL" } })),
        variants: i === 5 ? [{ key: "red", value: "red", weight: 50 }, { key: "blue", value: "blue", weight: 50 }] : undefined,
      });
    }
    const override = await request.post("/api/v1/flags/fl-01/overrides", { headers: admin(), data: { userId: "vip", value: true } });
    expect(override.status(), await override.text()).toBe(201);
  });

  test("lists flags newest first with their rollout, rules and overrides, and pages through them", async ({ page }) => {
    await signIn(page, "pmanager");
    await page.goto("/flags");
    await expect(page.getByRole("columnheader", { name: /Updated/ })).toHaveAttribute("aria-sort", "descending");
    expect(await firstKeys(page, 2)).toEqual(["fl-30", "fl-29"]);
    await expect(rows(page)).toHaveCount(25);
    await expect(page.getByText("1–25 of 30 flags")).toBeVisible();
    await expect(page.getByRole("link", { name: /All\s*30/ })).toBeVisible();

    const one = rows(page).filter({ has: page.getByRole("link", { name: "fl-01", exact: true }) });
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText("26–30 of 30 flags")).toBeVisible();
    await expect(one).toContainText("3%");
    await expect(one).toContainText("1 rule");
    await expect(one).toContainText("1 override");
    const five = rows(page).filter({ has: page.getByRole("link", { name: "fl-05", exact: true }) });
    await expect(five).toContainText("2 variants");
    await expect(five).toContainText("No overrides");
    await snapshotWidths(page, "flags-list-page-2");
  });

  test("sorts by a column header, flipping on a second click", async ({ page }) => {
    await signIn(page, "pmanager");
    await page.goto("/flags");
    await page.getByRole("button", { name: /^Key/ }).click();
    await expect(page).toHaveURL(/sort=key&direction=asc/);
    await expect(page.getByRole("columnheader", { name: /Key/ })).toHaveAttribute("aria-sort", "ascending");
    expect(await firstKeys(page, 2)).toEqual(["fl-01", "fl-02"]);
    await page.getByRole("button", { name: /^Key/ }).click();
    await expect(page).toHaveURL(/direction=desc/);
    expect(await firstKeys(page, 2)).toEqual(["fl-30", "fl-29"]);
    // Rollout starts with the widest: fl-30 (90%), then fl-29 (87%).
    await page.getByRole("button", { name: /^Rollout/ }).click();
    await expect(page).toHaveURL(/sort=rollout&direction=desc/);
    expect(await firstKeys(page, 2)).toEqual(["fl-30", "fl-29"]);
    await snapshotWidths(page, "flags-list");
  });

  test("filters by status, text and tag, and says when nothing matches", async ({ page }) => {
    await signIn(page, "pmanager");
    await page.goto("/flags");
    await page.getByRole("link", { name: /^On\s*15/ }).click();
    await expect(page).toHaveURL(/status=ACTIVE/);
    await expect(page.getByText("1–15 of 15 flags")).toBeVisible();
    expect(await firstKeys(page, 2)).toEqual(["fl-29", "fl-27"]);

    await page.getByLabel("Tag").fill("checkout");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/tag=checkout/);
    // On and tagged checkout: odd multiples of 3 up to 30.
    expect(await firstKeys(page, 10)).toEqual(["fl-27", "fl-21", "fl-15", "fl-09", "fl-03"]);
    await snapshotWidths(page, "flags-filtered");

    await page.goto("/flags");
    await page.getByLabel("Search").fill("PRICING banner");
    await page.getByLabel("Search").press("Enter");
    await expect(page).toHaveURL(/search=PRICING/);
    expect(await firstKeys(page, 5)).toEqual(["fl-17"]);

    await page.getByLabel("Search").fill("no-such-flag");
    await page.getByLabel("Search").press("Enter");
    await expect(page.getByRole("heading", { name: "No flags match these filters" })).toBeVisible();
    await snapshotWidths(page, "flags-no-match");
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/flags$/);
    await expect(rows(page)).toHaveCount(25);
  });

  test("the switch asks first: Cancel changes nothing, Turn off turns the flag off", async ({ page, request }) => {
    await signIn(page, "pmanager");
    await page.goto("/flags?search=fl-29");
    const toggle = page.getByRole("switch", { name: "fl-29" });
    await expect(toggle).toHaveAttribute("aria-checked", "true");

    await toggle.click();
    const dialog = page.getByRole("dialog", { name: "Turn off fl-29?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Every user gets the default value at once");
    await snapshotWidths(page, "flags-confirm-off");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    expect(await flagStatus(request, "fl-29")).toBe("ACTIVE");

    await toggle.click();
    await dialog.getByRole("button", { name: "Turn off" }).click();
    await expect(dialog).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    expect(await flagStatus(request, "fl-29")).toBe("INACTIVE");

    // And back on, the other way round.
    await toggle.click();
    const on = page.getByRole("dialog", { name: "Turn on fl-29?" });
    await expect(on).toContainText("a 87% rollout for everyone else");
    await on.getByRole("button", { name: "Turn on" }).click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    expect(await flagStatus(request, "fl-29")).toBe("ACTIVE");
  });

  test("a viewer sees each flag's state but no switch", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto("/flags");
    await expect(rows(page)).toHaveCount(25);
    await expect(page.getByRole("switch")).toHaveCount(0);
    await expect(page.getByText("turning one on or off needs permission to update flags")).toBeVisible();
    await expect(rows(page).first().getByText(/^(On|Off)$/)).toBeVisible();
    await expect(page.getByRole("link", { name: "New flag" })).toHaveCount(0);
  });

  test("at 390 px neither the flags list nor the experiments list scrolls sideways", async ({ page, request }) => {
    const experiment = await request.post("/api/v1/experiments", {
      headers: admin(),
      data: {
        key: "fl-narrow-checkout-redesign",
        experimentType: "A_B",
        name: "Checkout redesign, measured on phones and laptops alike",
        tags: ["checkout", "mobile"],
        variants: [
          { name: "control", isControl: true, trafficAllocation: 50 },
          { name: "treatment", trafficAllocation: 50 },
        ],
        metricDefinitions: [{ name: "Purchases", eventName: "purchase", metricType: "CONVERSION", isPrimary: true }],
      },
    });
    expect(experiment.status(), await experiment.text()).toBe(201);
    await signIn(page, "pmanager");
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/flags", "/experiments"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: path === "/flags" ? "Feature flags" : "Experiments" })).toBeVisible();
      await expect(page.getByRole("table")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      await snapshotWidths(page, `narrow${path.replace("/", "-")}`);
    }
    await page.goto("/flags");
    // The switch stays reachable on a phone.
    await expect(page.getByRole("switch", { name: "fl-30" })).toBeVisible();
  });
});
