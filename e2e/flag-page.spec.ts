import { type APIRequestContext, expect, test } from "@playwright/test";
import { seededKeys } from "./keys";
import { snapshotWidths } from "./screenshots";
import { signIn } from "./session";

/** Bad input on the flag pages: field errors, nothing changed. And a viewer reads without edit controls. */

const admin = () => ({ authorization: `Bearer ${seededKeys().ops}` });

async function flag(request: APIRequestContext, data: Record<string, unknown>): Promise<void> {
  const created = await request.post("/api/v1/flags", { headers: admin(), data });
  expect(created.status(), await created.text()).toBe(201);
}

async function stored(request: APIRequestContext, key: string) {
  const answer = await request.get(`/api/v1/flags/${key}`, { headers: admin() });
  expect(answer.status()).toBe(200);
  return answer.json();
}

test("a key that is taken is refused at its field, and the existing flag is untouched", async ({ page, request }) => {
  await flag(request, { key: "taken", name: "The first" });
  await signIn(page, "pmanager");
  await page.goto("/flags/new");
  await page.getByLabel("Name").fill("The second");
  await page.getByLabel("Key").fill("taken");
  await page.getByRole("button", { name: "Create flag" }).click();
  await expect(page.getByText("This key is already used.")).toBeVisible();
  await expect(page.getByLabel("Key")).toBeFocused();
  await expect(page).toHaveURL(/\/flags\/new$/);
  expect((await stored(request, "taken")).name).toBe("The first");

  // A key that is no slug is refused in the browser.
  await page.getByLabel("Key").fill("no spaces please");
  await page.getByRole("button", { name: "Create flag" }).click();
  await expect(page.getByText("Use letters, digits, dots, dashes and underscores")).toBeVisible();
});

test("bad JSON and weights that do not add up to 100 are field errors; nothing is saved", async ({ page, request }) => {
  await flag(request, { key: "sizes", name: "Sizes", variants: [{ key: "small", value: 1, weight: 50 }, { key: "large", value: 2, weight: 50 }] });
  await signIn(page, "pmanager");
  await page.goto("/flags/sizes");
  await page.getByLabel("Variant 2 weight (%)").fill("40");
  await expect(page.getByText("Weights add up to 90%: 10% still to give to a variant.")).toBeVisible();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Variant weights must sum to 100; they sum to 90.")).toBeVisible();

  await page.getByLabel("Variant 2 weight (%)").fill("50");
  await page.getByLabel("Variant 1 value type").selectOption("json");
  await page.getByLabel("Variant 1 value", { exact: true }).fill('{"size": 1,}');
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/Not valid JSON: line 1, column/)).toBeVisible();
  await expect(page.getByLabel("Variant 1 value", { exact: true })).toBeFocused();
  const flagNow = await stored(request, "sizes");
  expect(flagNow.variants).toEqual([{ key: "small", value: 1, weight: 50 }, { key: "large", value: 2, weight: 50 }]);

  // The test panel's context must be a JSON object.
  await page.getByRole("tab", { name: "Test a user" }).click();
  const panel = page.getByRole("region", { name: "Test a user" });
  await panel.getByLabel("User id").fill("u-1");
  await panel.getByLabel("Context (JSON)").fill("{plan: beta}");
  await panel.getByRole("button", { name: "Test" }).click();
  await expect(panel.getByText("The context is not valid JSON")).toBeVisible();
});

test("the chosen tab survives a save and a reload", async ({ page, request }) => {
  await flag(request, { key: "sticky-tab", name: "Sticky tab" });
  await signIn(page, "pmanager");
  await page.goto("/flags/sticky-tab");
  await page.getByRole("tab", { name: /Rules/ }).click();
  await page.getByRole("button", { name: "Add targeting rule" }).click();
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Rules saved.")).toBeVisible();
  await expect(page).toHaveURL(/\?tab=rules$/);
  await page.reload();
  await expect(page.getByRole("tab", { name: "Rules (1)" })).toHaveAttribute("aria-selected", "true");
});

test("an override value the flag cannot take is refused by the server at its field", async ({ page, request }) => {
  await flag(request, { key: "strict", name: "Strict" });
  await signIn(page, "pmanager");
  await page.goto("/flags/strict?tab=overrides");
  await page.getByRole("button", { name: "Add override" }).click();
  const form = page.getByRole("form", { name: "Add override" });
  await form.getByLabel("User id").fill("u-9");
  // The select offers only true and false; a tampered form sends a string, which the server refuses.
  await form.getByLabel("Value").evaluate((select: HTMLSelectElement) => {
    select.add(new Option("yes", '"yes"'));
    select.value = '"yes"';
  });
  await form.getByRole("button", { name: "Add override" }).click();
  // The server's message, at the field (the hint says something else, so this is the error).
  await expect(form.getByText("A boolean flag takes true or false.")).toBeVisible();
  await expect(form.getByLabel("Value")).toHaveAttribute("aria-invalid", "true");
  const list = await request.get("/api/v1/flags/strict/overrides", { headers: admin() });
  expect((await list.json()).total).toBe(0);
});

test("a viewer reads the flag without edit controls, and can still test a user", async ({ page, request }) => {
  await flag(request, { key: "read-only", name: "Read only", status: "ACTIVE", rolloutPercentage: 100 });
  await signIn(page, "viewer");
  await page.goto("/flags/read-only");
  await expect(page.getByRole("heading", { name: "Read only" })).toBeVisible();
  await expect(page.getByText("You can read this flag but not change it.")).toBeVisible();
  await expect(page.getByLabel("Name")).toBeDisabled();
  for (const name of ["Save settings", "Duplicate", "Delete"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.getByRole("switch")).toHaveCount(0);
  await page.getByRole("tab", { name: /Rules/ }).click();
  await expect(page.getByRole("button", { name: "Add targeting rule" })).toHaveCount(0);
  await page.getByRole("tab", { name: /Overrides/ }).click();
  await expect(page.getByRole("button", { name: "Add override" })).toHaveCount(0);

  await page.getByRole("tab", { name: "Test a user" }).click();
  const panel = page.getByRole("region", { name: "Test a user" });
  await panel.getByLabel("User id").fill("anyone");
  await panel.getByRole("button", { name: "Test" }).click();
  await expect(panel.getByRole("group", { name: "Test result" })).toContainText("SPLIT");
});

test("overrides are found by part of a user id and by whether they have expired", async ({ page, request }) => {
  await flag(request, { key: "findable", name: "Findable", status: "ACTIVE", rolloutPercentage: 0 });
  const many = await request.post("/api/v1/flags/findable/overrides", { headers: admin(), data: { userIds: ["beta-1", "beta-2", "qa-1"], value: true } });
  expect(many.status(), await many.text()).toBe(200);
  const soon = new Date(Date.now() + 1_500).toISOString();
  const one = await request.post("/api/v1/flags/findable/overrides", { headers: admin(), data: { userId: "beta-soon", value: false, expiresAt: soon } });
  expect(one.status(), await one.text()).toBe(201);
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  await signIn(page, "pmanager");
  await page.goto("/flags/findable?tab=overrides");
  const table = page.getByRole("table", { name: "Overrides" });
  const userIds = () => table.getByRole("row").filter({ hasNot: page.getByRole("columnheader") }).locator("td:first-child");
  await expect(userIds()).toHaveText(["beta-1", "beta-2", "beta-soon", "qa-1"]);

  const find = page.getByRole("search", { name: "Find overrides" });
  await find.getByLabel("User id").fill("beta");
  await find.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]search=beta/);
  await expect(page).toHaveURL(/[?&]tab=overrides/);
  await expect(userIds()).toHaveText(["beta-1", "beta-2", "beta-soon"]);
  await snapshotWidths(page, "flag-overrides-found");

  await find.getByLabel("Show").selectOption("expired");
  await expect(page).toHaveURL(/[?&]state=expired/);
  await expect(userIds()).toHaveText(["beta-soon"]);

  await find.getByLabel("User id").fill("qa");
  await find.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No overrides match")).toBeVisible();
  await expect(page.getByText("No expired override has a user id containing “qa”.")).toBeVisible();

  await find.getByRole("link", { name: "Clear" }).click();
  await expect(userIds()).toHaveText(["beta-1", "beta-2", "beta-soon", "qa-1"]);
});
