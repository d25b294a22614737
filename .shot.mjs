import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3999";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(base + "/sign-in");
await page.getByLabel("Username or email").fill("demo");
await page.getByLabel("Password").fill(process.env.PW);
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/experiments/);
for (const [name, path] of JSON.parse(process.env.PAGES)) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.goto(base + path);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
  }
}
await browser.close();
