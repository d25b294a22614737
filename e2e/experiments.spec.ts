import { expect, test } from "@playwright/test";
import { snapshot, snapshotWidths } from "./screenshots";
import { signIn } from "./session";

// The viewer's test reads the experiment the product manager creates first.
test.describe.configure({ mode: "serial" });

const EXPERIMENT = { name: "Checkout button colour", key: "checkout-button-colour" };


test("a product manager creates an A/B experiment with targeting from the builder, starts it, and sees it active", async ({ page }) => {
  await signIn(page, "pmanager");
  await page.getByRole("link", { name: "New experiment" }).first().click();
  await expect(page.getByRole("heading", { name: "New experiment", level: 1 })).toBeVisible();

  // The key follows the name until it is edited.
  await page.getByLabel("Name", { exact: true }).fill(EXPERIMENT.name);
  await expect(page.getByLabel("Key", { exact: true })).toHaveValue(EXPERIMENT.key);
  await page.getByLabel("Hypothesis").fill("A green button makes more people finish checking out.");
  await page.getByLabel("Tags").fill("checkout, colour");

  // Two variants are there already, half the traffic each.
  await expect(page.getByLabel("Variant 1 name")).toHaveValue("control");
  await expect(page.getByLabel("Variant 2 name")).toHaveValue("treatment");
  await expect(page.getByLabel("Variant 1 is the control")).toBeChecked();
  await page.getByLabel("Variant 2 configuration (JSON)").fill('{"color": "green"}');

  await page.getByLabel("Metric 1 name").fill("Checkout conversion");
  await page.getByLabel("Metric 1 event name").fill("checkout_completed");
  await expect(page.getByLabel("Metric 1 type")).toHaveValue("CONVERSION");
  await expect(page.getByLabel("Metric 1 is primary")).toBeChecked();

  // Targeting with the builder: country is one of US, CA.
  await page.getByRole("button", { name: "Add rule" }).click();
  await page.getByLabel("Rule 1 attribute").fill("country");
  await page.getByLabel("Rule 1 operator").selectOption({ label: "is one of" });
  await page.getByLabel("Rule 1 values").fill("US, CA");
  await snapshotWidths(page, "experiment-new");

  // Bad input: allocations over 100% show on the form and nothing is created.
  await page.getByLabel("Variant 2 allocation (%)").fill("60");
  await page.getByRole("button", { name: "Create experiment" }).click();
  await expect(page.getByText("The variants' traffic allocations would total 110%; at most 100% is possible.")).toBeVisible();
  await expect(page.getByText("Please correct the fields marked below.")).toBeVisible();
  await expect(page).toHaveURL(/\/experiments\/new$/);
  await expect(page.getByLabel("Rule 1 values")).toHaveValue("US, CA");
  await snapshot(page, "experiment-new-errors");
  await page.getByLabel("Variant 2 allocation (%)").fill("50");
  // Unfinished JSON in the metrics configuration is caught too, saying where, and the field gets the focus.
  await page.getByLabel("Metrics configuration (JSON)").fill('{"alpha": 0.05');
  await page.getByRole("button", { name: "Create experiment" }).click();
  await expect(page.getByText("Not valid JSON: line 1, column 15: expected ',' or '}' after the value, found the end of the text.")).toBeVisible();
  await expect(page.getByLabel("Metrics configuration (JSON)")).toBeFocused();
  await expect(page).toHaveURL(/\/experiments\/new$/);
  await page.getByLabel("Metrics configuration (JSON)").fill('{"alpha": 0.05}');

  await page.getByRole("button", { name: "Create experiment" }).click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${EXPERIMENT.key}$`));
  const header = page.getByRole("region", { name: EXPERIMENT.name });
  await expect(page.getByRole("heading", { name: EXPERIMENT.name, level: 1 })).toBeVisible();
  await expect(header.getByText("Draft", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Metrics configuration (JSON)")).toHaveValue(/"alpha": 0\.05/);
  await page.getByRole("tab", { name: /^Variants/ }).click();
  await expect(page.getByRole("table", { name: "Variants" }).getByRole("cell", { name: "treatment" })).toBeVisible();
  await page.getByRole("tab", { name: /^Metrics/ }).click();
  const metrics = page.getByRole("table", { name: "Metrics" });
  await expect(metrics.getByRole("cell", { name: /^Checkout conversion\s*checkout_completed$/ })).toBeVisible();
  await expect(metrics.getByRole("button", { name: "Primary: Checkout conversion" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("tab", { name: "Targeting" }).click();
  await expect(page.getByLabel("Rule 1 attribute")).toHaveValue("country");
  await expect(page.getByLabel("Rule 1 values")).toHaveValue("US, CA");

  // Targeting is set, so Start asks first and says who will be eligible.
  await page.getByRole("button", { name: "Start", exact: true }).click();
  const startDialog = page.getByRole("dialog", { name: "Start this experiment?" });
  await expect(startDialog).toContainText("Targeting limits this experiment to users matching country is one of US, CA");
  await snapshotWidths(page, "experiment-start-confirm");
  await startDialog.getByRole("button", { name: "Start experiment" }).click();
  await expect(startDialog).toBeHidden();
  await expect(header.getByText("Active", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start", exact: true })).toHaveCount(0);
  // The key is fixed now that the experiment runs.
  await page.getByRole("tab", { name: "Overview" }).click();
  await expect(page.getByLabel("Key", { exact: true })).toHaveAttribute("readonly", "");
  await snapshotWidths(page, "experiment-detail-overview");
  await page.getByRole("tab", { name: "Targeting" }).click();

  // Test a user against the saved targeting.
  const tester = page.getByRole("region", { name: "Test a user" });
  await tester.getByLabel("User id").fill("user-42");
  await tester.getByLabel("Context (JSON)").fill('{"country": "FR"}');
  await tester.getByRole("button", { name: "Test" }).click();
  await expect(tester.getByRole("status")).toHaveText("Not enrolled: targeting does not match");
  await tester.getByLabel("Context (JSON)").fill('{"country": "CA"}');
  await tester.getByRole("button", { name: "Test" }).click();
  await expect(tester.getByRole("status")).toHaveText(/^Enrolled in variant (control|treatment)$/);
  await snapshotWidths(page, "experiment-detail-targeting");

  await page.goto("/experiments");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: EXPERIMENT.name }) });
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await snapshotWidths(page, "experiments-list");

  await row.getByRole("link", { name: EXPERIMENT.name }).click();
  await expect(page.getByRole("heading", { name: EXPERIMENT.name, level: 1 })).toBeVisible();
  await expect(header.getByText("Active", { exact: true })).toBeVisible();
});

test("a start that fails its guards says which ones; fixed, it starts; a copy of it can be deleted", async ({ page }) => {
  await signIn(page, "pmanager");
  await page.goto("/experiments/new");
  await page.getByLabel("Name", { exact: true }).fill("Lonely variant");
  await page.getByRole("button", { name: "Remove variant 2" }).click();
  await page.getByRole("button", { name: "Remove metric 1" }).click();
  await page.getByRole("button", { name: "Create experiment" }).click();
  await expect(page).toHaveURL(/\/experiments\/lonely-variant$/);

  await page.getByRole("button", { name: "Start", exact: true }).click();
  const checklist = page.getByRole("alert").filter({ hasText: "This experiment cannot start yet" });
  await expect(checklist).toBeVisible();
  await expect(checklist.getByText("An experiment needs at least 2 variants to start; it has 1.")).toBeVisible();
  await expect(checklist.getByText("At least one metric must be primary.")).toBeVisible();
  const header = page.getByRole("region", { name: "Lonely variant" });
  await expect(header.getByText("Draft", { exact: true })).toBeVisible();
  await snapshot(page, "experiment-start-blocked");

  // Fix both on the page: a second variant, splitting the traffic evenly, and a primary metric.
  await page.getByRole("tab", { name: /^Variants/ }).click();
  await page.getByRole("button", { name: "Edit variants" }).click();
  await page.getByRole("button", { name: "Add variant" }).click();
  await page.getByLabel("Variant 2 name").fill("bigger-button");
  await page.getByRole("button", { name: "Split traffic evenly" }).click();
  await expect(page.getByLabel("Variant 1 allocation (%)")).toHaveValue("50");
  await snapshotWidths(page, "experiment-variants-edit");
  await page.getByRole("button", { name: "Save variants" }).click();
  await expect(page.getByRole("table", { name: "Variants" }).getByRole("cell", { name: "bigger-button" })).toBeVisible();

  await page.getByRole("tab", { name: /^Metrics/ }).click();
  await page.getByRole("button", { name: "Add metric" }).click();
  const metricForm = page.getByRole("form", { name: "New metric" });
  await metricForm.getByLabel("Metric name").fill("Orders");
  await metricForm.getByLabel("Event name").fill("order_placed");
  await metricForm.getByLabel("Metric type").selectOption({ label: "Revenue" });
  // A bad number is caught on the form and nothing is added.
  await metricForm.getByLabel("Minimum sample size").fill("lots");
  await metricForm.getByRole("button", { name: "Add metric" }).click();
  await expect(metricForm.getByText("Enter a whole number.")).toBeVisible();
  await metricForm.getByLabel("Minimum sample size").fill("1000");
  await metricForm.getByLabel("Primary metric").check();
  await snapshotWidths(page, "experiment-metric-form");
  await metricForm.getByRole("button", { name: "Add metric" }).click();
  await expect(page.getByRole("table", { name: "Metrics" }).getByRole("button", { name: "Primary: Orders" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(header.getByText("Active", { exact: true })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "This experiment cannot start yet" })).toHaveCount(0);

  // Duplicate makes a draft copy; a draft can be deleted, after a confirmation.
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page).toHaveURL(/\/experiments\/lonely-variant-copy$/);
  await expect(page.getByRole("region", { name: "Lonely variant (copy)" }).getByText("Draft", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirmation = page.getByRole("dialog", { name: "Delete this draft?" });
  await expect(confirmation).toContainText("This cannot be undone.");
  await confirmation.getByRole("button", { name: "Delete experiment" }).click();
  await expect(page).toHaveURL(/\/experiments$/);
  await expect(page.getByRole("link", { name: "Lonely variant", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Lonely variant (copy)" })).toHaveCount(0);
});

test("a viewer reads an experiment but cannot change it, and cannot open the create page", async ({ page }) => {
  await signIn(page, "viewer");
  await expect(page.getByRole("table", { name: "Experiments" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New experiment" })).toHaveCount(0);
  await page.goto(`/experiments/${EXPERIMENT.key}`);
  await expect(page.getByRole("heading", { name: EXPERIMENT.name, level: 1 })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toBeDisabled();
  // Every tab in turn: buttons in a hidden panel would not be found, so each is shown before looking.
  for (const tab of [/^Overview$/, /^Variants/, /^Metrics/, /^Targeting$/]) {
    await page.getByRole("tab", { name: tab }).click();
    for (const name of ["Start", "Pause", "Complete", "Duplicate", "Save changes", "Edit variants", "Add metric", "Save targeting"]) {
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
  }
  await page.getByRole("tab", { name: /^Variants/ }).click();
  await expect(page.getByRole("table", { name: "Variants" })).toBeVisible();
  await page.getByRole("tab", { name: "Targeting" }).click();
  await expect(page.getByLabel("Rule 1 attribute")).toBeDisabled();
  await snapshot(page, "experiment-detail-viewer");

  await page.goto("/experiments/new");
  await expect(page.getByText("You don't have access to this page")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create experiment" })).toHaveCount(0);
});
