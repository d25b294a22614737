import { defineConfig } from "@playwright/test";

/**
 * Playwright drives Debian's Chromium (/usr/bin/chromium): browsers cannot be downloaded here.
 * Two servers: a fresh installation (first-run setup) and one seeded through the admin CLI.
 */
// E2E_PORT_BASE lets two suites run side by side on one machine (default 3210 and 3211).
const base = Number(process.env.E2E_PORT_BASE ?? 3210);
export const FRESH_PORT = String(base);
export const SEEDED_PORT = String(base + 1);
export const FRESH_URL = `http://localhost:${FRESH_PORT}`;
export const SEEDED_URL = `http://localhost:${SEEDED_PORT}`;

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
    { command: `npx tsx e2e/serve.ts --fresh --port ${FRESH_PORT}`, url: `${FRESH_URL}/api/health`, timeout: 180_000, reuseExistingServer: false, stdout: "ignore", stderr: "pipe" },
    { command: `npx tsx e2e/serve.ts --seeded --port ${SEEDED_PORT}`, url: `${SEEDED_URL}/api/health`, timeout: 180_000, reuseExistingServer: false, stdout: "ignore", stderr: "pipe" },
  ],
});
