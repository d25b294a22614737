import type { Page } from "@playwright/test";
import { WIDTHS } from "./screenshots";

/**
 * Screenshots of the flag pages at 1440 and 390 px for people to look at, written to FLAG_SHOTS_DIR when
 * it is set (outside the repository) and to e2e/.artifacts otherwise. `prepare` runs after each resize,
 * e.g. to reopen a dialog the resize closed or to scroll an element into view.
 */
export async function flagShots(page: Page, name: string, prepare?: () => Promise<void>): Promise<void> {
  const dir = process.env.FLAG_SHOTS_DIR ?? "e2e/.artifacts";
  const before = page.viewportSize();
  for (const { name: width, ...size } of WIDTHS) {
    await page.setViewportSize(size);
    await prepare?.();
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
