import { expect, type Page } from "@playwright/test";
import { type SEEDED_USERS, seededUser } from "./users";

/** Signs a seeded user in through the real form and waits for the landing page. */
export async function signInAs(page: Page, username: (typeof SEEDED_USERS)[number]["username"]): Promise<void> {
  const user = seededUser(username);
  await page.goto("/sign-in");
  await page.getByLabel("Username or email").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/experiments$/);
}
