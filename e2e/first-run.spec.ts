import { expect, test } from "@playwright/test";
import { FRESH_URL } from "../playwright.config";
import { snapshot, snapshotWidths } from "./screenshots";

test.use({ baseURL: FRESH_URL });

test("first-run setup creates the admin, who signs out and back in; setup is gone afterwards", async ({ page }) => {
  await page.goto("/experiments");
  // No user yet: sign-in sends the first visitor to setup.
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome! Create the first admin" })).toBeVisible();
  await snapshot(page, "setup");
  // The hint states the minimum the server enforces, before anyone trips over it.
  await expect(page.getByLabel("Username")).toHaveAccessibleDescription(/At least 3 characters/);

  // Bad input: field errors, nothing created.
  await page.getByLabel("Username").fill("x");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("different");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Username must be at least 3 characters.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Password must be at least 12 characters.")).toBeVisible();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveValue("x");
  await snapshotWidths(page, "setup-errors");

  await page.getByLabel("Username").fill("founder");
  await page.getByLabel("Email").fill("founder@example.com");
  await page.getByLabel("Full name").fill("Fran Founder");
  await page.getByLabel("Password", { exact: true }).fill("a good long password");
  await page.getByLabel("Confirm password").fill("a good long password");
  await page.getByRole("button", { name: "Create admin account" }).click();

  // Signed in, in the shell.
  await expect(page).toHaveURL(/\/experiments$/);
  await expect(page.getByRole("heading", { name: "Experiments", level: 1 })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" }).first();
  for (const name of ["Experiments", "Feature flags", "Users", "Roles", "API keys", "Audit log"]) {
    await expect(nav.getByRole("link", { name })).toBeVisible();
  }
  await snapshot(page, "experiments-empty");

  // The audit log already shows the account's creation.
  await nav.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("cell", { name: "user.create" })).toBeVisible();
  await snapshot(page, "audit-log");

  // Setup is gone once a user exists.
  const setup = await page.request.get("/setup");
  expect(setup.status()).toBe(404);

  await page.getByRole("button", { name: "Account menu" }).first().click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fusers/);

  await page.getByLabel("Username or email").fill("founder@example.com");
  await page.getByLabel("Password").fill("a good long password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole("cell", { name: /Fran Founder/ })).toBeVisible();
  await snapshot(page, "users");
});
