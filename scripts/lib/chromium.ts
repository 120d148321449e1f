import { existsSync } from "node:fs";

/** Debian's Chromium, a CHROMIUM_PATH override, or Playwright's own download, in that order. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require("@playwright/test") as typeof import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here
  }
  return null;
}

export const NO_CHROMIUM_HINT =
  "No Chromium found: install one with `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH.";
