import { type Page, test } from "@playwright/test";

/** Screenshots for people to look at (DEVELOPERS' brief): kept under e2e/.artifacts, gitignored. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/.artifacts/${name}.png`, fullPage: true });
}

/** The widths pages are looked at: a laptop, and a phone (where the 390 px shot is attached to the test too). */
export const WIDTHS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;

/** Screenshots of the page at 1440 px and at 390 px wide, named `<name>-1440` and `<name>-390`; the viewport is restored. */
export async function snapshotWidths(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const { name: width, ...size } of WIDTHS) {
    await page.setViewportSize(size);
    const path = `e2e/.artifacts/${name}-${width}.png`;
    await page.screenshot({ path, fullPage: true });
    if (width === "390") await test.info().attach(`${name}-390`, { path, contentType: "image/png" });
  }
  if (before) await page.setViewportSize(before);
}
