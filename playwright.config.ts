import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS } from "./scripts/lib/chromium";

// Run through `npm test` (scripts/test.ts), which builds the app, starts the production server on a
// database made for the run, and sets BASE_URL, DATABASE_URL and CHROMIUM_PATH (scripts/lib/chromium.ts finds
// the browser; the one bundled in @sparticuz/chromium on Linux x64).

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // On the shared 2-core CI machine a browser context has been seen to hang while closing after a
  // test that passed; one retry there keeps such hangs from failing the run, and the run names every
  // test that needed it (scripts/test.ts). Locally a failure is a failure.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL: process.env.BASE_URL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: CHROMIUM_FLAGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
