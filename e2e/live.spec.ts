import { expect, signInAsStaff, test } from "./fixtures";

type TWindowWithEvents = Window & { liveEvents: string[]; liveReady: boolean };

test("a coordinator's browser hears about a change in the study as it commits, and nobody else can listen", async ({ page, browser, prisma, studyId, makeStaff, makeExpert }) => {
  const [coordinator, expert] = await Promise.all([makeStaff("COORDINATOR"), makeExpert()]);
  await signInAsStaff(page, coordinator);
  await page.waitForURL("**/coordinator");

  await page.evaluate((id) => {
    const w = window as unknown as TWindowWithEvents;
    w.liveEvents = [];
    const source = new EventSource(`/api/coordinator/studies/${id}/live`);
    source.addEventListener("ready", () => (w.liveReady = true));
    source.addEventListener("change", (e) => w.liveEvents.push(JSON.parse((e as MessageEvent<string>).data).topic));
  }, studyId);
  await page.waitForFunction(() => (window as unknown as TWindowWithEvents).liveReady === true);

  await prisma.expert.update({ where: { id: expert.expertId }, data: { notes: "Called on Monday" } });
  await page.waitForFunction(() => (window as unknown as TWindowWithEvents).liveEvents.includes("panel"), undefined, { timeout: 2_000 });

  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/api/coordinator/studies/${studyId}/live`)).status()).toBe(401);
  await anonymous.close();
  const asExpert = await browser.newContext();
  const expertPage = await asExpert.newPage();
  await expertPage.goto(expert.link);
  await expertPage.getByRole("button", { name: /continue to the study|перейти к исследованию/i }).click();
  await expertPage.waitForURL("**/expert");
  expect((await asExpert.request.get(`/api/coordinator/studies/${studyId}/live`)).status()).toBe(403);
  await asExpert.close();
  expect((await page.request.get(`/api/coordinator/studies/00000000-0000-4000-8000-000000000000/live`)).status()).toBe(404);
});
