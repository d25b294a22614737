import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { snapshot } from "./screenshots";
import { seededUser } from "./users";

/**
 * The admin's workflow (issue 8, "Done means"): users and roles, API keys, the audit log, and that a
 * viewer can change nothing. Runs on the seeded server; names are unique to this file.
 */
const NEW_USER = { username: "erin", email: "erin@example.com", password: "erins long password" };

async function signIn(page: Page, identifier: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Username or email").fill(identifier);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/experiments$/);
}

async function signedInContext(browser: Browser, identifier: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, identifier, password);
  return { context, page };
}

async function both(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await snapshot(page, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name} scrolls sideways at 390 px`).toBe(true);
  await snapshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe.serial("administration", () => {
  let admin: Page;
  let adminContext: BrowserContext;

  test.beforeAll(async ({ browser }) => {
    const a = seededUser("admin");
    ({ context: adminContext, page: admin } = await signedInContext(browser, a.username, a.password));
  });
  test.afterAll(async () => adminContext.close());

  test("an admin creates an experimenter, who can edit experiments but not users", async ({ browser }) => {
    await admin.goto("/users");
    await expect(admin.getByRole("table", { name: "Users" })).toBeVisible();
    await both(admin, "admin-users");
    await admin.getByRole("link", { name: "New user" }).click();
    // Bad input first: a weak password is refused with the policy's words, nothing is created.
    await admin.getByLabel("Username").fill(NEW_USER.username);
    await admin.getByLabel("Email").fill(NEW_USER.email);
    await admin.getByLabel("Password", { exact: true }).fill("password1234");
    await admin.getByLabel("experimenter").check();
    await admin.getByRole("button", { name: "Create user" }).click();
    await expect(admin.getByText("This password appears in lists of breached passwords; choose another.")).toBeVisible();
    await admin.getByLabel("Password", { exact: true }).fill(NEW_USER.password);
    await admin.getByRole("button", { name: "Create user" }).click();
    await expect(admin.getByText(`Created ${NEW_USER.username}.`)).toBeVisible();
    await both(admin, "admin-user-new");

    const { context, page } = await signedInContext(browser, NEW_USER.username, NEW_USER.password);
    await expect(page.getByRole("link", { name: "New experiment" }).first()).toBeVisible();
    await page.goto("/users");
    await expect(page.getByRole("link", { name: "New user" })).toHaveCount(0);
    await page.goto("/users/new");
    await expect(page.getByText("You don't have access to this page")).toBeVisible();
    await context.close();
  });

  test("a custom role takes effect on a signed-in user without their signing out", async ({ browser }) => {
    const { context, page } = await signedInContext(browser, NEW_USER.username, NEW_USER.password);
    await page.goto("/audit-log");
    await expect(page.getByText("You don't have access to this page")).toBeVisible();

    await admin.goto("/roles");
    await both(admin, "admin-roles");
    await admin.getByRole("link", { name: "New role" }).click();
    await admin.getByLabel("Name").fill("auditors");
    await admin.getByLabel("Description").fill("Read the audit log");
    await admin.getByLabel("Audit log: read").check();
    await admin.getByRole("button", { name: "Create role" }).click();
    await expect(admin).toHaveURL(/\/roles\/auditors$/);
    await expect(admin.getByLabel("Audit log: read")).toBeChecked();
    await both(admin, "admin-role-detail");

    await admin.goto("/users?search=erin");
    await admin.getByRole("link", { name: NEW_USER.username }).click();
    await admin.getByLabel("auditors").check();
    await admin.getByRole("button", { name: "Save changes" }).click();
    await expect(admin.getByText("Saved.")).toBeVisible();
    await both(admin, "admin-user-detail");

    await page.reload();
    await expect(page.getByRole("table", { name: "Audit log" })).toBeVisible();
    await context.close();
  });

  test("an API key is created, shown once, and refused by the API within a second of its revocation", async ({ request }) => {
    await admin.goto("/api-keys");
    await admin.getByRole("link", { name: "New API key" }).first().click();
    await admin.getByLabel("Name").fill("e2e browser key");
    await admin.getByLabel("Type").selectOption("client");
    await admin.getByRole("button", { name: "Create key" }).click();
    await expect(admin.getByLabel("API key", { exact: true })).toBeVisible();
    const key = (await admin.getByLabel("API key", { exact: true }).textContent())?.trim() ?? "";
    expect(key).toMatch(/^exp_client_/);
    await both(admin, "admin-api-key-new");

    const assign = () => request.post("/api/v1/assignments", { headers: { authorization: `Bearer ${key}` }, data: { userId: "u1", experiments: [] } });
    expect((await assign()).status()).toBe(200);

    await admin.goto("/api-keys");
    await both(admin, "admin-api-keys");
    await admin.getByRole("button", { name: "Revoke e2e browser key" }).click();
    await expect(admin.getByRole("row", { name: /e2e browser key/ }).getByText("Revoked")).toBeVisible();
    const revokedAt = Date.now();
    let status = 0;
    while (Date.now() - revokedAt < 1000) {
      status = (await assign()).status();
      if (status === 401) break;
    }
    expect(status).toBe(401);
  });

  test("the audit log shows all of it by name, with readable diffs, and filters", async () => {
    await admin.goto("/audit-log");
    const log = admin.getByRole("table", { name: "Audit log" });
    await expect(log.getByRole("row", { name: /api_key\.revoke/ }).getByText("e2e browser key")).toBeVisible();
    await both(admin, "admin-audit-log");
    await admin.getByLabel("Entity", { exact: true }).fill(NEW_USER.username);
    await admin.getByRole("button", { name: "Filter" }).click();
    await expect(admin).toHaveURL(/entity=erin/);
    const update = log.getByRole("row", { name: /user\.update/ });
    await expect(update.getByText("roles")).toBeVisible();
    await expect(update.getByText("auditors, experimenter")).toBeVisible();
    await expect(log.getByRole("row", { name: /user\.create/ })).toBeVisible();
    await expect(log.getByRole("row", { name: /api_key/ })).toHaveCount(0);
  });

  test("a password change ends the user's other sessions; a deactivation ends all of them", async ({ browser }) => {
    const one = await signedInContext(browser, NEW_USER.username, NEW_USER.password);
    const two = await signedInContext(browser, NEW_USER.username, NEW_USER.password);
    await one.page.goto("/settings/profile");
    await both(one.page, "profile");
    await one.page.getByLabel("Current password").fill(NEW_USER.password);
    await one.page.getByLabel("New password", { exact: true }).fill("erins newer password");
    await one.page.getByLabel("Confirm new password").fill("erins newer password");
    await one.page.getByRole("button", { name: "Change password" }).click();
    await expect(one.page).toHaveURL(/\/settings\/profile\?password=changed$/);
    await expect(one.page.getByRole("status").getByText("Password changed. Your other sessions have ended.")).toBeVisible();
    await one.page.goto("/experiments");
    await expect(one.page).toHaveURL(/\/experiments$/);
    await two.page.goto("/experiments");
    await expect(two.page).toHaveURL(/\/sign-in/);

    await admin.goto("/users?search=erin");
    await admin.getByRole("link", { name: NEW_USER.username }).click();
    await admin.getByRole("button", { name: "Deactivate user" }).click();
    await expect(admin.getByText(`${NEW_USER.username} is deactivated and signed out everywhere.`)).toBeVisible();
    await one.page.goto("/experiments");
    await expect(one.page).toHaveURL(/\/sign-in/);
    await one.context.close();
    await two.context.close();
  });

  test("preferences apply across the app: dark theme and the user's time zone", async () => {
    await admin.goto("/settings/profile");
    await admin.getByLabel("Theme").selectOption("dark");
    await admin.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await admin.getByRole("button", { name: "Save profile" }).click();
    await expect(admin.getByText("Saved.")).toBeVisible();
    await admin.goto("/audit-log");
    await expect(admin.locator(".theme-dark")).toHaveCount(1);
    await expect(admin.getByRole("table", { name: "Audit log" }).getByText(/GMT\+9/).first()).toBeVisible();
    await both(admin, "admin-audit-log-dark");
    await admin.goto("/settings/profile");
    await admin.getByLabel("Theme").selectOption("light");
    await admin.getByLabel("Time zone").selectOption("UTC");
    await admin.getByRole("button", { name: "Save profile" }).click();
    await expect(admin.getByText("Saved.")).toBeVisible();
  });
});

test("a viewer sees no edit controls anywhere, and a forced submission is refused with a clear message", async ({ browser }) => {
  const v = seededUser("viewer");
  const { context, page } = await signedInContext(browser, v.username, v.password);
  for (const path of ["/experiments", "/users", "/roles", "/api-keys", "/audit-log"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const main = page.getByRole("main");
    await expect(main.getByRole("link", { name: /^New / })).toHaveCount(0);
    await expect(main.getByRole("button", { name: /^(Save|Create|Delete|Revoke|Deactivate|Reactivate|Reset)\b/ })).toHaveCount(0);
  }
  // A user's page is readable, but offers nothing to change.
  await page.goto("/users?search=pmanager");
  await page.getByRole("link", { name: "Pat Manager" }).click();
  await expect(page.getByRole("heading", { name: "Pat Manager", level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);

  // Forced: the same request the admin's browser would send, with this viewer's session.
  const origin = new URL(page.url()).origin;
  const forced = await page.request.post("/api/v1/users", {
    headers: { origin, "content-type": "application/json" },
    data: { username: "sneaky", email: "sneaky@example.com", password: "a long sneaky password" },
  });
  expect(forced.status()).toBe(403);
  expect(await forced.json()).toEqual({ error: { code: "forbidden", message: "You do not have permission to create users." } });
  // From another site, the session cannot write at all.
  const crossSite = await page.request.post("/api/v1/roles", { headers: { origin: "https://evil.example", "content-type": "application/json" }, data: { name: "x" } });
  expect(crossSite.status()).toBe(403);
  await context.close();
});
