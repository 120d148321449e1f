import { randomUUID } from "node:crypto";
import http from "node:http";
import { createPrismaClient } from "@/lib/db/client";
import { acceptConsent, addBenchExperts, createBenchStudy, delphiQuestionnaire, openDelphiRoundTwo, signInExperts } from "../bench/fixtures";
import type { TApp } from "./cluster";
import { check, type TScenario } from "./common";

/**
 * Issue 15, "real-time feedback reaches other experts within 2 s, also across instances": a
 * real-time Delphi round 2 on two app instances (one database). Expert B follows the round's live
 * stream on instance 2 as the page does (GET /api/expert/delphi/live, then, 300 ms after a change,
 * GET /api/expert/delphi); expert A saves an answer through instance 1. Measured: from A's save
 * being sent to B holding the group figures that include it.
 */

const BOUND_MS = 2_000;
/** The page's wait before it refetches after a change (components/questionnaire/group-feedback.tsx, DelphiLive). */
const PAGE_DEBOUNCE_MS = 300;

type TGroup = { n: number; median: number } | null;

async function groupOf(app: TApp, cookie: string): Promise<TGroup> {
  const res = await fetch(`${app.baseUrl}/api/expert/delphi?item=D1`, { headers: { cookie } });
  const body = (await res.json()) as { feedback?: { realtime?: boolean; items?: { D1?: { group?: { rows?: Array<{ stats?: { n: number; median: number } | null }> } | null } } } };
  const stats = body.feedback?.items?.D1?.group?.rows?.[0]?.stats;
  return stats ? { n: stats.n, median: stats.median } : null;
}

/**
 * Follows B's live stream on `app`; once it is ready runs `act`, then on each `change` event waits
 * as the page does and refetches, until `done` holds for the figures or `timeoutMs` passes.
 */
function follow(app: TApp, cookie: string, act: () => Promise<void>, done: (g: TGroup) => boolean, timeoutMs: number): Promise<{ status: number; group: TGroup; events: number }> {
  return new Promise((resolve, reject) => {
    let events = 0;
    let group: TGroup = null;
    let finished = false;
    const finish = (status: number) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ status, group, events });
    };
    const timer = setTimeout(() => finish(200), timeoutMs);
    const req = http.get(`${app.baseUrl}/api/expert/delphi/live`, { headers: { cookie, accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        finish(res.statusCode ?? 0);
        return;
      }
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const event = /^event: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (event === "ready") act().catch((error: unknown) => (finished ? undefined : (finish(0), reject(error))));
          if (event === "change") {
            events++;
            // A refetch still due when the figures are in (or the instances stopped) is dropped:
            // a late one would hit an instance that is gone.
            setTimeout(() => {
              if (finished) return;
              groupOf(app, cookie).then(
                (g) => {
                  group = g;
                  if (done(g)) finish(200);
                },
                (error: unknown) => (finished ? undefined : (finish(0), reject(error))),
              );
            }, PAGE_DEBOUNCE_MS);
          }
        }
      });
    });
    req.on("error", (error) => (finished ? undefined : (finish(0), reject(error))));
  });
}

export const delphiRealtime: TScenario = {
  name: "real-time Delphi feedback across two instances",
  async run({ cluster, log }) {
    const one = await cluster.startApp("a");
    const two = await cluster.startApp("b", { publicUrl: one.baseUrl });
    const prisma = createPrismaClient({ url: cluster.databaseUrl, max: 2, connectionTimeoutMs: 10_000, statementTimeoutMs: 30_000 });
    try {
      const study = await createBenchStudy(prisma, "delphi-live", delphiQuestionnaire);
      const experts = await addBenchExperts(prisma, study, 5, "delphi-live");
      await acceptConsent(prisma, study, experts);
      await openDelphiRoundTwo(prisma, study, experts, "D1", (i) => i + 1, true);
      const [a, b, ...others] = await signInExperts(prisma, experts, cluster.secret);
      // Round 2 so far: the four experts other than A (B among them) answered 4 (k = 3 is met).
      const save = (app: TApp, cookie: string, value: number) =>
        fetch(`${app.baseUrl}/api/expert/answers`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: one.origin, cookie },
          body: JSON.stringify({ mutationId: randomUUID(), versionId: study.versionId, item: "D1", baseRevision: 0, value: { value } }),
        }).then((r) => r.status);
      const before = [await save(two, b!, 4), ...(await Promise.all(others.map((c) => save(one, c, 4))))];
      const initial = await groupOf(two, b!);

      let sentAt = 0;
      let saved = 0;
      const { status, group, events } = await follow(
        two,
        b!,
        async () => {
          sentAt = performance.now();
          saved = await save(one, a!, 10);
        },
        (g) => g?.n === 5,
        BOUND_MS * 5,
      );
      const delay = performance.now() - sentAt;
      log(`A's answer (saved through ${one.name}) reached B's figures on ${two.name} after ${delay.toFixed(0)} ms (${events} change event(s), page wait ${PAGE_DEBOUNCE_MS} ms included).`);
      return [
        check("round 2 so far: B sees the group of four (median 4)", before.every((s) => s === 200) && initial?.n === 4 && initial.median === 4, `saves ${before.join(", ")}; B's figures ${JSON.stringify(initial)}`),
        check(
          `an answer saved on instance 1 reaches an expert on instance 2 within ${BOUND_MS / 1000} s, with the updated figures`,
          status === 200 && saved === 200 && group?.n === 5 && group.median === 4 && delay < BOUND_MS,
          `stream on 2: ${status}; save on 1: ${saved}; figures then ${JSON.stringify(group)} after ${delay.toFixed(0)} ms`,
        ),
      ];
    } finally {
      await prisma.$disconnect();
    }
  },
};
