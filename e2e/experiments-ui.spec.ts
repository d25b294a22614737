import { type APIRequestContext, expect, test } from "@playwright/test";
import { seededKeys } from "./keys";
import { snapshotWidths } from "./screenshots";
import { signIn } from "./session";

/**
 * The defects and rough edges of issue 6, each as the user meets it. Experiments are set up through the
 * management API (an admin key) so each test starts where its defect shows.
 */


const admin = () => ({ authorization: `Bearer ${seededKeys().ops}` });

interface Setup {
  key: string;
  experimentType?: "A_B" | "MULTIVARIATE" | "SPLIT_URL" | "BANDIT";
  variants?: { name: string; isControl?: boolean; trafficAllocation: number; configuration?: Record<string, unknown> }[];
  targetingRules?: Record<string, unknown>;
  /** Moves to make after creating it, in order. */
  moves?: ("ACTIVE" | "PAUSED" | "COMPLETED" | "ARCHIVED")[];
}

async function experiment(request: APIRequestContext, setup: Setup): Promise<void> {
  const created = await request.post("/api/v1/experiments", {
    headers: admin(),
    data: {
      key: setup.key,
      name: `UI ${setup.key}`,
      experimentType: setup.experimentType ?? "A_B",
      variants: setup.variants ?? [
        { name: "control", isControl: true, trafficAllocation: 50 },
        { name: "treatment", trafficAllocation: 50, configuration: { color: "green" } },
      ],
      metricDefinitions: [{ name: "Purchases", eventName: "purchase", metricType: "CONVERSION", isPrimary: true }],
      ...(setup.targetingRules ? { targetingRules: setup.targetingRules } : {}),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  for (const status of setup.moves ?? []) {
    const moved = await request.post(`/api/v1/experiments/${setup.key}/status`, { headers: admin(), data: { status } });
    expect(moved.status(), await moved.text()).toBe(200);
  }
}

test("at 390 px the variant and metric editors are stacked cards whose inputs are usable (item 1)", async ({ page, request }) => {
  await experiment(request, { key: "narrow-editors" });
  await signIn(page, "pmanager");
  await page.setViewportSize({ width: 390, height: 844 });

  await page.goto("/experiments/new");
  for (const label of ["Variant 1 name", "Variant 2 configuration (JSON)", "Metric 1 name", "Metric 1 event name"]) {
    const box = await page.getByLabel(label).boundingBox();
    expect(box?.width, label).toBeGreaterThan(250);
  }
  expect((await page.getByLabel("Variant 1 allocation (%)").boundingBox())?.width).toBeGreaterThan(100);
  // Nothing makes the page wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Split URL" });
  expect((await page.getByLabel("Variant 1 URL").boundingBox())?.width).toBeGreaterThan(250);
  await snapshotWidths(page, "experiment-new-split-url");

  await page.goto("/experiments/narrow-editors?tab=variants");
  await page.getByRole("button", { name: "Edit variants" }).click();
  expect((await page.getByLabel("Variant 2 name").boundingBox())?.width).toBeGreaterThan(250);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await snapshotWidths(page, "experiment-variants-edit-narrow");
});

test("a completed experiment reads as history: only the description and tags can change (item 2)", async ({ page, request }) => {
  await experiment(request, { key: "finished", moves: ["ACTIVE", "COMPLETED"] });
  // The API refuses with 409 and says why.
  const refused = await request.patch("/api/v1/experiments/finished", { headers: admin(), data: { targetingRules: { country: "NL" } } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toContain("This experiment is completed: its configuration is kept as it ran");

  await signIn(page, "pmanager");
  await page.goto("/experiments/finished");
  await expect(page.getByText("Its configuration is kept as it ran; the description and tags can still be edited.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toBeDisabled();
  await expect(page.getByLabel("Hypothesis")).toBeDisabled();
  await page.getByLabel("Description", { exact: true }).fill("Green won: more checkouts.");
  await page.getByLabel("Tags", { exact: true }).fill("learned");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue("Green won: more checkouts.");

  await page.getByRole("tab", { name: /^Variants/ }).click();
  await expect(page.getByRole("table", { name: "Variants" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit variants" })).toHaveCount(0);
  await page.getByRole("tab", { name: /^Metrics/ }).click();
  await expect(page.getByRole("button", { name: "Add metric" })).toHaveCount(0);
  await page.getByRole("tab", { name: "Targeting" }).click();
  await expect(page.getByRole("button", { name: "Save targeting" })).toHaveCount(0);
  await snapshotWidths(page, "experiment-completed");
});

test("a banner belongs to the action that produced it: 'Saved.' goes when Pause is pressed (item 3)", async ({ page, request }) => {
  await experiment(request, { key: "stale-banner", moves: ["ACTIVE"] });
  await signIn(page, "pmanager");
  await page.goto("/experiments/stale-banner");
  await page.getByLabel("Description", { exact: true }).fill("Now with a description.");
  await page.getByRole("button", { name: "Save changes" }).click();
  const saved = page.getByRole("alert").filter({ hasText: /^Saved\.$/ });
  await expect(saved).toBeVisible();

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("region", { name: "UI stale-banner" }).getByText("Paused", { exact: true })).toBeVisible();
  await expect(saved).toHaveCount(0);
  await expect(page.getByText("Paused: nobody new is enrolled until you resume.")).toBeVisible();
});

test("Complete and Archive ask first and say what will happen; Cancel changes nothing (item 4)", async ({ page, request }) => {
  await experiment(request, { key: "ask-first", moves: ["ACTIVE"] });
  await signIn(page, "pmanager");
  await page.goto("/experiments/ask-first");
  const header = page.getByRole("region", { name: "UI ask-first" });

  await page.getByRole("button", { name: "Complete", exact: true }).click();
  const complete = page.getByRole("dialog", { name: "Complete this experiment?" });
  await expect(complete).toContainText("Assignments stop");
  await expect(complete).toContainText("The results freeze");
  // The safe choice has the focus: Enter does not complete by accident.
  await expect(complete.getByRole("button", { name: "Cancel" })).toBeFocused();
  await complete.getByRole("button", { name: "Cancel" }).click();
  await expect(complete).toBeHidden();
  await expect(header.getByText("Active", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Complete", exact: true }).click();
  await snapshotWidths(page, "experiment-complete-confirm");
  await complete.getByRole("button", { name: "Complete experiment" }).click();
  await expect(header.getByText("Completed", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Archive", exact: true }).click();
  const archive = page.getByRole("dialog", { name: "Archive this experiment?" });
  await expect(archive).toContainText("This cannot be undone.");
  await page.keyboard.press("Escape");
  await expect(archive).toBeHidden();
  await expect(header.getByText("Completed", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await archive.getByRole("button", { name: "Archive experiment" }).click();
  await expect(header.getByText("Archived", { exact: true })).toBeVisible();
});

test("unknown /api/v1 paths answer the JSON error shape with 404; every page has a favicon (item 5)", async ({ page, request }) => {
  for (const [method, path] of [
    ["GET", "/api/v1/nope"],
    ["POST", "/api/v1/experiments/some-key/nothing-here"],
    ["DELETE", "/api/v1/flags-typo/x"],
  ] as const) {
    const response = await request.fetch(path, { method, headers: admin(), data: method === "POST" ? "{not json" : undefined });
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = await response.json();
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toContain(path);
  }

  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\//);
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  const svg = await request.get(href ?? "/missing");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
});

test("after a failed submit the first field in error has the focus, and messages speak the user's words (item 7)", async ({ page }) => {
  await signIn(page, "pmanager");
  await page.goto("/experiments/new");
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Split URL" });
  await page.getByLabel("Name", { exact: true }).fill("Landing pages");
  await page.getByLabel("Variant 1 URL").fill("https://example.com/a");
  await page.getByLabel("Variant 2 URL").fill("/b");
  // The first error is far down the page: it is scrolled to and focused.
  await page.getByRole("button", { name: "Create experiment" }).click();
  const url = page.getByLabel("Variant 2 URL");
  await expect(url).toBeFocused();
  await expect(url).toBeInViewport();
  await expect(page.getByText('Variant "treatment": its configuration has a "url" that is not an absolute http(s) address, such as https://example.com/page.')).toBeVisible();
  await expect(page.getByText("configuration.url")).toHaveCount(0);

  await url.fill("https://example.com/b");
  await page.getByLabel("Variant 1 configuration (JSON)").fill('{\n  "color": "green"\n  "size": 2\n}');
  await page.getByRole("button", { name: "Create experiment" }).click();
  await expect(page.getByText("Not valid JSON: line 3, column 3: expected ',' or '}' after the value, found '\"'.")).toBeVisible();
  await expect(page.getByLabel("Variant 1 configuration (JSON)")).toBeFocused();
});

test("the experiment page: a summary header with what happens next, then tabs that keep their place (item 8)", async ({ page, request }) => {
  await experiment(request, { key: "tabbed", targetingRules: { country: { $in: ["US", "CA"] } } });
  await signIn(page, "pmanager");
  await page.goto("/experiments/tabbed");
  const header = page.getByRole("region", { name: "UI tabbed" });
  await expect(header.getByText("What happens next.")).toBeVisible();
  await expect(header.getByText("Nobody is assigned yet.")).toBeVisible();
  await expect(header.getByText("Eligible: users matching country is one of US, CA.")).toBeVisible();
  await expect(header.getByText("100% in 2 variants")).toBeVisible();
  const tabs = page.getByRole("tablist", { name: "Experiment" }).getByRole("tab");
  await expect(tabs).toHaveText(["Overview", "Variants (2)", "Metrics (1)", "Targeting", "Results"]);
  await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");

  // Arrow keys move between tabs; the address keeps the tab for a reload or a link.
  await page.getByRole("tab", { name: "Overview" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: /^Metrics/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("table", { name: "Metrics" })).toBeVisible();
  await expect(page).toHaveURL(/\?tab=metrics$/);
  await page.reload();
  await expect(page.getByRole("table", { name: "Metrics" })).toBeVisible();
  await snapshotWidths(page, "experiment-detail-metrics");
});

test("type and owner filters apply at once; 'no experiments match' offers Clear filters (item 9)", async ({ page, request }) => {
  await experiment(request, { key: "filter-bandit", experimentType: "BANDIT" });
  // The admin may list users, so the owner filter offers them.
  await signIn(page, "admin");
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Bandit" });
  await expect(page).toHaveURL(/type=BANDIT/);
  await expect(page.getByRole("link", { name: "UI filter-bandit" })).toBeVisible();

  await page.getByLabel("Owner", { exact: true }).selectOption({ label: "Pat Manager" });
  await expect(page).toHaveURL(/ownerId=/);
  await expect(page.getByRole("heading", { name: "No experiments match these filters" })).toBeVisible();
  // The way out is clearing the filters; the only "New experiment" is the page's own button.
  await expect(page.getByRole("link", { name: "New experiment" })).toHaveCount(1);
  await snapshotWidths(page, "experiments-list-no-match");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/experiments$/);
  await expect(page.getByRole("link", { name: "UI filter-bandit" })).toBeVisible();
});

test("each type explains itself: multivariate, bandit, and the split-URL redirect link with a copy button (item 10)", async ({ page, request, context }) => {
  await experiment(request, {
    key: "many-arms",
    experimentType: "MULTIVARIATE",
    variants: [
      { name: "control", isControl: true, trafficAllocation: 34 },
      { name: "b", trafficAllocation: 33 },
      { name: "c", trafficAllocation: 33 },
    ],
  });
  await experiment(request, { key: "bandit-arms", experimentType: "BANDIT" });
  await experiment(request, {
    key: "landing",
    experimentType: "SPLIT_URL",
    variants: [
      { name: "control", isControl: true, trafficAllocation: 50, configuration: { url: "https://example.com/a" } },
      { name: "b", trafficAllocation: 50, configuration: { url: "https://example.com/b" } },
    ],
  });
  await signIn(page, "pmanager");

  await page.goto("/experiments/many-arms");
  await expect(page.getByText("A multivariate experiment compares more than two variants at once (it has 3)")).toBeVisible();
  await page.goto("/experiments/bandit-arms");
  await expect(page.getByText("once it runs, they are managed automatically")).toBeVisible();

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/experiments/landing");
  const link = `${new URL(page.url()).origin}/r/landing?userId=USER_ID&key=CLIENT_KEY`;
  await expect(page.getByText(link, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Copy redirect link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await snapshotWidths(page, "experiment-split-url");

  // The new-experiment form says the same before anything exists.
  await page.goto("/experiments/new");
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Multivariate" });
  await expect(page.getByText("A multivariate experiment compares more than two variants at once: add one for each version")).toBeVisible();
});
