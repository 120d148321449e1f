// Regenerates the README's screenshot from a running app (`npm start` in another terminal):
//   npx tsx scripts/readme/screenshot.ts http://localhost:3000 coordinator@demo.local <password>
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_FLAGS, findChromium, noChromiumHint } from "../lib/chromium";

async function main() {
  const [baseUrl = "http://localhost:3000", email, password] = process.argv.slice(2);
  if (!email || !password) throw new Error("usage: screenshot.ts BASE_URL EMAIL PASSWORD");
  const found = await findChromium();
  if (!found) throw new Error(noChromiumHint());
  const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_FLAGS, env: { ...process.env, ...found.env } });
  const page = await browser.newPage({ viewport: { width: 1200, height: 820 }, locale: "en-US" });
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/coordinator");
  await page.screenshot({ path: path.join(__dirname, "coordinator.png") });
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
