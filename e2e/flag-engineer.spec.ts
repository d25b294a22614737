import { expect, test } from "@playwright/test";
import { seededKeys } from "./keys";
import { flagShots } from "./flag-shots";
import { signIn } from "./session";

/**
 * Issue #7 "done means", as an engineer: create a boolean flag with a rule and a 25% rollout, and a
 * multivariate flag; add an override that expires; test users in the panel.
 */

const admin = () => ({ authorization: `Bearer ${seededKeys().ops}` });

test("an engineer creates a boolean flag with a rule and a 25% rollout, overrides it and tests users", async ({ page, request }) => {
  await signIn(page, "pmanager");
  await page.goto("/flags/new");
  await page.getByLabel("Name").fill("New checkout");
  await expect(page.getByLabel("Key")).toHaveValue("new-checkout");
  await page.getByLabel("Tags").fill("checkout, web");
  await page.getByRole("textbox", { name: "Rollout percentage" }).fill("25");
  await flagShots(page, "flag-new");
  await page.getByRole("button", { name: "Create flag" }).click();
  await expect(page).toHaveURL(/\/flags\/new-checkout$/);
  await expect(page.getByRole("heading", { name: "New checkout" })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Flag on" })).toHaveAttribute("aria-checked", "false");
  await page.getByRole("switch", { name: "Flag on" }).click();
  await expect(page.getByRole("switch", { name: "Flag on" })).toHaveAttribute("aria-checked", "true");
  await flagShots(page, "flag-settings");

  // A rule made with the experiments' rule builder: users on the beta plan get the flag.
  await page.getByRole("tab", { name: /Rules/ }).click();
  await page.getByRole("button", { name: "Add targeting rule" }).click();
  const rule = page.getByRole("listitem", { name: "Targeting rule 1" });
  await rule.getByLabel("Targeting rule 1 description").fill("Beta testers");
  await rule.getByRole("button", { name: "Add rule" }).click();
  await rule.getByLabel("Rule 1 attribute").fill("plan");
  await rule.getByRole("textbox", { name: "Rule 1 value" }).fill("beta");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Rules saved.")).toBeVisible();
  await expect(page.getByRole("tab", { name: "Rules (1)" })).toBeVisible();
  await flagShots(page, "flag-rules");

  // The rule reached the SDK endpoint: a beta user gets it by the rule.
  const evaluated = await request.post("/api/v1/flags/evaluate", { headers: admin(), data: { userId: "someone", context: { plan: "beta" }, flags: ["new-checkout"] } });
  expect((await evaluated.json()).flags["new-checkout"]).toMatchObject({ value: true, reason: "TARGETING_MATCH" });

  // An override that expires in a few seconds: active now, expired once the instant passes.
  await page.getByRole("tab", { name: /Overrides/ }).click();
  await page.getByRole("button", { name: "Add override" }).click();
  const form = page.getByRole("form", { name: "Add override" });
  await form.getByLabel("User id").fill("qa-1");
  await form.getByLabel("Value").selectOption("false");
  await form.getByLabel("Reason").fill("QA account");
  await form.getByLabel("Expires at").fill("2031-06-30T09:00");
  await form.getByRole("button", { name: "Add override" }).click();
  await expect(page.getByText("Added the override for qa-1.")).toBeVisible();
  const overrides = page.getByRole("table", { name: "Overrides" });
  await expect(overrides.getByRole("row", { name: /qa-1/ })).toContainText("Active");
  await expect(overrides.getByRole("row", { name: /qa-1/ })).toContainText("QA account");

  // Far enough ahead for a slow machine to load the page once before it passes.
  const soon = new Date(Date.now() + 15_000);
  const created = await request.post("/api/v1/flags/new-checkout/overrides", { headers: admin(), data: { userId: "tmp-7", value: true, reason: "Demo", expiresAt: soon.toISOString() } });
  expect(created.status(), await created.text()).toBeLessThan(300);
  await page.goto("/flags/new-checkout?tab=overrides");
  await expect(overrides.getByRole("row", { name: /tmp-7/ })).toContainText("Active");
  await page.waitForTimeout(Math.max(0, soon.getTime() - Date.now()) + 500);
  await page.goto("/flags/new-checkout?tab=overrides");
  await expect(overrides.getByRole("row", { name: /tmp-7/ })).toContainText("Expired");
  await flagShots(page, "flag-overrides");

  // Test a user: the rule decides for a beta user, the override for qa-1, nothing for the expired one.
  await page.getByRole("tab", { name: "Test a user" }).click();
  const panel = page.getByRole("region", { name: "Test a user" });
  await panel.getByLabel("User id").fill("beta-user");
  await panel.getByLabel("Context (JSON)").fill('{"plan": "beta"}');
  await panel.getByRole("button", { name: "Test" }).click();
  const result = panel.getByRole("group", { name: "Test result" });
  await expect(result).toContainText("true");
  await expect(result).toContainText("TARGETING_MATCH");
  await expect(result).toContainText("Rule 1 “Beta testers”");
  await flagShots(page, "flag-test");

  await panel.getByLabel("User id").fill("qa-1");
  await panel.getByRole("button", { name: "Test" }).click();
  await expect(result).toContainText("This user's override (QA account)");
  await expect(result).toContainText("false");

  await panel.getByLabel("User id").fill("tmp-7");
  await panel.getByLabel("Context (JSON)").fill("{}");
  await panel.getByRole("button", { name: "Test" }).click();
  await expect(result).toContainText("expired");
  await expect(result).not.toContainText("This user's override");

  // Delete asks, and says how many overrides go with the flag.
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete the flag new-checkout?" });
  await expect(dialog).toContainText("2 overrides go with it (1 active, 1 expired).");
  await flagShots(page, "flag-delete", async () => {
    if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Delete" }).click();
  });
  await dialog.getByRole("button", { name: "Cancel" }).click();
});

test("an engineer creates a multivariate flag with typed variant values", async ({ page }) => {
  await signIn(page, "pmanager");
  await page.goto("/flags/new");
  await page.getByLabel("Name").fill("Button color");
  await page.getByRole("radio", { name: /Multivariate/ }).check();
  await page.getByLabel("Variant 1 key").fill("blue");
  await page.getByLabel("Variant 1 value", { exact: true }).fill("#0000ff");
  await page.getByLabel("Variant 2 key").fill("styled");
  await page.getByLabel("Variant 2 value type").selectOption("json");
  await page.getByLabel("Variant 2 value", { exact: true }).fill('{"color": "green", "size": 2}');
  await page.getByRole("button", { name: "Add variant" }).click();
  await page.getByLabel("Variant 3 key").fill("big");
  await page.getByLabel("Variant 3 value type").selectOption("number");
  await page.getByLabel("Variant 3 value", { exact: true }).fill("1.5");
  await page.getByRole("button", { name: "Split evenly" }).click();
  await expect(page.getByText("Weights add up to 100%.")).toBeVisible();
  await page.getByRole("textbox", { name: "Rollout percentage" }).fill("100");
  await flagShots(page, "flag-new-multivariate");
  await page.getByRole("button", { name: "Create flag" }).click();
  await expect(page).toHaveURL(/\/flags\/button-color$/);
  await expect(page.getByText("Multivariate, 3 variants")).toBeVisible();
  // Stored as JSON (PostgreSQL may order the keys its own way): the same object comes back.
  expect(JSON.parse(await page.getByLabel("Variant 2 value", { exact: true }).inputValue())).toEqual({ color: "green", size: 2 });
  await expect(page.getByLabel("Variant 3 value", { exact: true })).toHaveValue("1.5");

  // Its overrides offer the variants' values, named by key.
  await page.getByRole("tab", { name: /Overrides/ }).click();
  await page.getByRole("button", { name: "Paste many" }).click();
  const form = page.getByRole("form", { name: "Paste many overrides" });
  await form.getByLabel("User ids").fill("u-1\nu-2, u-3");
  // Options name each variant by key and value, in the variants' order.
  await expect(form.getByLabel("Value").locator("option").nth(1)).toHaveText(/^styled: \{/);
  await form.getByLabel("Value").selectOption({ index: 1 });
  await form.getByRole("button", { name: "Add overrides" }).click();
  await expect(page.getByText("Added 3 overrides.")).toBeVisible();
  const table = page.getByRole("table", { name: "Overrides" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("row", { name: /u-2/ })).toContainText("styled:");
  await flagShots(page, "flag-overrides-multivariate");
});
