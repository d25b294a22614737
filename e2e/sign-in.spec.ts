import { expect, type Page, test } from "@playwright/test";
import { snapshot } from "./screenshots";
import { seededUser } from "./users";

/** Submits the sign-in form and waits until React has finished with the answer (and reset the form). */
async function submitSignIn(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByLabel("Username or email").fill(identifier);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await expect(page.getByLabel("Password")).toHaveValue("");
}

test("a user created with the admin CLI signs in by username and sees only what their role allows", async ({ page }) => {
  const pm = seededUser("pmanager");
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to Experimentation Platform" })).toBeVisible();
  await snapshot(page, "sign-in");
  await page.getByLabel("Username or email").fill(pm.username);
  await page.getByLabel("Password").fill(pm.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/experiments$/);
  await page.getByRole("button", { name: "Account menu" }).first().click();
  await expect(page.getByText("pm@example.com").first()).toBeVisible();
  await snapshot(page, "account-menu");
  await page.keyboard.press("Escape");

  // An experimenter may read users but not API keys or the audit log: the navigation offers only
  // what they can open, and the pages themselves refuse.
  const nav = page.getByRole("navigation", { name: "Main" }).first();
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "API keys" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.goto("/api-keys");
  await expect(page.getByText("You don't have access to this page")).toBeVisible();
  await page.goto("/users");
  await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Pat Manager/ })).toBeVisible();

  // On a phone: no sideways scrolling, navigation behind the menu button.
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await snapshot(page, "users-mobile");
  await page.getByRole("button", { name: "Toggle navigation" }).click();
  await page.getByRole("link", { name: "Feature flags" }).click();
  await expect(page.getByRole("heading", { name: "Feature flags", level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await snapshot(page, "flags-mobile");
});

test("a wrong password gets a clear message and keeps the identifier", async ({ page }) => {
  const viewer = seededUser("viewer");
  await page.goto("/sign-in");
  await submitSignIn(page, viewer.email, "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong username, email or password.");
  await expect(page.getByLabel("Username or email")).toHaveValue(viewer.email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await snapshot(page, "sign-in-wrong-password");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("repeated failures throttle the account from this address, even for the right password", async ({ page }) => {
  const user = seededUser("throttled");
  await page.goto("/sign-in");
  for (let i = 0; i < 5; i++) {
    await submitSignIn(page, user.username, `wrong-${i}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong username, email or password.");
  }
  await submitSignIn(page, user.username, user.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many failed sign-in attempts. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/sign-in/);
  await snapshot(page, "sign-in-throttled");
});

test("pages are protected: a signed-out visitor is sent to sign in, and the API answers without a stack trace", async ({ page, request }) => {
  for (const path of ["/experiments", "/flags", "/users", "/roles", "/api-keys", "/audit-log"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path).replace(/[/]/g, "%2F")}`));
  }
  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok" });
  const setup = await request.get("/setup");
  expect(setup.status()).toBe(404);
  expect(await setup.text()).not.toMatch(/at .*\.(ts|js):\d+/);
});
