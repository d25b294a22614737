import { defineConfig } from "@playwright/test";

/**
 * Playwright drives Debian's Chromium (/usr/bin/chromium): browsers cannot be downloaded here.
 * Two servers: a fresh installation (first-run setup) and one seeded through the admin CLI.
 */
export const FRESH_URL = "http://localhost:3210";
export const SEEDED_URL = "http://localhost:3211";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: SEEDED_URL,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: [
    { command: "npx tsx e2e/serve.ts --fresh --port 3210", url: `${FRESH_URL}/api/health`, timeout: 180_000, reuseExistingServer: false, stdout: "ignore", stderr: "pipe" },
    { command: "npx tsx e2e/serve.ts --seeded --port 3211", url: `${SEEDED_URL}/api/health`, timeout: 180_000, reuseExistingServer: false, stdout: "ignore", stderr: "pipe" },
  ],
});
