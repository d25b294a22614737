import { chromium } from "@playwright/test";
const base = process.env.BASE ?? "http://localhost:3425";
const out = "/work/shots/bandit";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
async function session(username: string, password: string) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/experiments$/);
  return page;
}
async function shoot(page: import("@playwright/test").Page, name: string) {
  for (const [w, h] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/${name}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}
const pm = await session("pat", "pat-password-long");
await pm.goto(`${base}/experiments/homepage-hero-bandit?tab=variants`);
await pm.getByRole("heading", { name: "Bandit" }).waitFor();
await shoot(pm, "bandit-card");
await pm.getByRole("button", { name: "Edit settings" }).click();
await pm.getByLabel("Floor per variant (%)").fill("80");
await pm.getByRole("button", { name: "Save settings" }).click();
await pm.waitForTimeout(500);
await shoot(pm, "bandit-settings-error");
await pm.getByLabel("Floor per variant (%)").fill("10");
await pm.getByRole("button", { name: "Save settings" }).click();
await pm.getByText("Bandit settings saved.").waitFor();
await pm.getByRole("button", { name: "Re-weight now" }).click();
await pm.getByText(/Re-weighted|burn-in/).first().waitFor();
await shoot(pm, "bandit-after-reweight");
const viewer = await session("vera", "vera-password-long");
await viewer.goto(`${base}/experiments/homepage-hero-bandit?tab=variants`);
await viewer.getByRole("heading", { name: "Bandit" }).waitFor();
await shoot(viewer, "bandit-viewer");
await browser.close();
