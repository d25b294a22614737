import type { Page } from "@playwright/test";

/** Screenshots for people to look at (DEVELOPERS' brief): kept under e2e/.artifacts, gitignored. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/.artifacts/${name}.png`, fullPage: true });
}
