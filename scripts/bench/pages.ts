import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type BrowserContext } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { ZQuestionnaire } from "@/lib/instrument/definition";
import { createStaffAccount } from "@/lib/users/accounts";
import { eaeuQuestionnaire } from "@/prisma/seed/eaeu/questionnaire";
import { ROOT } from "../lib/build";
import { CHROMIUM_FLAGS, findChromium, noChromiumHint, type TChromium } from "../lib/chromium";
import { acceptConsent, addBenchExperts, createBenchStudy, mintSessionCookie, SESSION_COOKIE } from "./fixtures";
import { markdownTable, ms } from "./stats";
import type { TBenchContext, TBenchmark, TCheck, TReport } from "./types";

/**
 * Benchmark 4 of issue 8, "Page weight": the JavaScript a browser receives (encoded bytes on the
 * wire, as Next serves it compressed) on the first load of each page in PAGES, in a fresh Chromium
 * profile (nothing cached), measured with the DevTools protocol; and a Lighthouse run (mobile
 * profile, simulated throttling) on the expert's questionnaire with the expert's session cookie.
 * The not-found page is the baseline: what React, Next and the root layout cost on their own; the
 * sign-in page is the lightest real page.
 */

type TAs = "anonymous" | "expert" | "coordinator";
type TPage = { key: string; label: string; path: string; as: TAs; targetKb?: number; status?: number };

/** The pages measured; add a line to measure another (e.g. the results dashboard once it exists). */
const PAGES: TPage[] = [
  { key: "signin", label: "Sign-in page (baseline)", path: "/signin", as: "anonymous" },
  { key: "floor", label: "Not-found page (framework and layout only)", path: "/no-such-page", as: "anonymous", status: 404 },
  { key: "questionnaire", label: "Expert questionnaire, first load", path: "/expert/questionnaire", as: "expert", targetKb: 150 },
  { key: "coordinator", label: "Coordinator dashboard", path: "/coordinator", as: "coordinator" },
];

/** What every page loads anyway: React, Next's runtime and the root layout's client components. */
const BASELINE_PAGE = "floor";
const LIGHTHOUSE_PAGE = "questionnaire";
const LIGHTHOUSE_TARGETS = { lcpMs: 2_500, cls: 0.1, tbtMs: 200 };

type TScript = { url: string; encoded: number; decoded: number; encoding: string };
type TPageWeight = { page: TPage; status: number; scripts: TScript[]; encoded: number; decoded: number; allEncoded: number; documentEncoded: number };

/**
 * What a production chunk holds, guessed from strings its libraries leave in minified code (the
 * chunks are read from .next/static, where the server serves them from): enough to say what makes
 * a page heavy.
 */
const LIBRARIES: Array<[string, RegExp]> = [
  ["react-dom", /__reactFiber/],
  ["Next runtime", /__next_f|nextjs|__NEXT_|next-router-state-tree/],
  ["zod (or code using its errors)", /\$ZodType|ZodError/],
  ["react-hook-form", /shouldUnregister/],
  ["next-auth/react", /csrfToken[\s\S]*signOut|signOut[\s\S]*csrfToken/],
  ["use-intl / IntlMessageFormat", /IntlMessageFormat/],
];

function chunkContents(url: string): string {
  const match = /\/_next\/(static\/[^?#]+)/.exec(url);
  if (!match) return "";
  if (/\/turbopack-[^/]*\.js$/.test(match[1]!)) return "Turbopack runtime";
  try {
    const source = readFileSync(path.join(ROOT, ".next", match[1]!), "utf8");
    return LIBRARIES.filter(([, re]) => re.test(source)).map(([name]) => name).join(", ") || "app code";
  } catch {
    return "";
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const shortUrl = (url: string) => url.replace(/^https?:\/\/[^/]+/, "").replace(/\?.*$/, "");

async function measurePage(context: BrowserContext, baseUrl: string, page: TPage): Promise<TPageWeight> {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const requests = new Map<string, { url: string; type: string; encoding: string; decoded: number }>();
  const finished: Array<{ id: string; encoded: number }> = [];
  cdp.on("Network.responseReceived", (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    requests.set(e.requestId, { url: e.response.url, type: e.type, encoding: headers["content-encoding"] ?? "identity", decoded: 0 });
  });
  cdp.on("Network.dataReceived", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => finished.push({ id: e.requestId, encoded: e.encodedDataLength }));
  const response = await tab.goto(`${baseUrl}${page.path}`, { waitUntil: "networkidle" });
  await tab.waitForTimeout(500);
  const scripts: TScript[] = [];
  let allEncoded = 0;
  let documentEncoded = 0;
  for (const f of finished) {
    const r = requests.get(f.id);
    if (!r) continue;
    allEncoded += f.encoded;
    if (r.type === "Document") documentEncoded += f.encoded;
    if (r.type === "Script") scripts.push({ url: r.url, encoded: f.encoded, decoded: r.decoded, encoding: r.encoding });
  }
  await tab.close();
  scripts.sort((a, b) => b.encoded - a.encoded);
  return {
    page,
    status: response?.status() ?? 0,
    scripts,
    encoded: scripts.reduce((n, s) => n + s.encoded, 0),
    decoded: scripts.reduce((n, s) => n + s.decoded, 0),
    allEncoded,
    documentEncoded,
  };
}

type TLighthouse = {
  lcpMs: number;
  clsValue: number;
  tbtMs: number;
  fcpMs: number;
  performance: number;
  finalUrl: string;
  /** Main-thread time per script (the bootup-time audit), the usual source of TBT. */
  bootup: Array<{ url: string; totalMs: number; scriptingMs: number }>;
};

async function runLighthouse(browserFound: TChromium, url: string, cookie: string): Promise<TLighthouse> {
  // Both are ES modules; tsx runs these scripts as CommonJS, so load them dynamically.
  const { launch } = await import("chrome-launcher");
  const lighthouse = (await import("lighthouse")).default;
  const chrome = await launch({ chromePath: browserFound.executablePath, chromeFlags: CHROMIUM_FLAGS, envVars: { ...process.env, ...browserFound.env } as Record<string, string> });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } });
    if (!result) throw new Error("Lighthouse returned no result.");
    const { audits, categories, finalDisplayedUrl, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
    return {
      lcpMs: audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
      clsValue: audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
      tbtMs: audits["total-blocking-time"]?.numericValue ?? Number.NaN,
      fcpMs: audits["first-contentful-paint"]?.numericValue ?? Number.NaN,
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      finalUrl: finalDisplayedUrl,
      bootup: ((audits["bootup-time"]?.details as { items?: Array<{ url: string; total: number; scripting: number }> } | undefined)?.items ?? []).map((i) => ({
        url: i.url,
        totalMs: i.total,
        scriptingMs: i.scripting,
      })),
    };
  } finally {
    chrome.kill();
  }
}

async function run({ harness, log }: TBenchContext): Promise<TReport> {
  const browserFound = await findChromium();
  if (!browserFound) throw new Error(noChromiumHint());
  log(`browser: ${browserFound.source}`);

  // Data: the demo questionnaire published in a study, an expert who accepted the consent, and a coordinator.
  const prisma = createPrismaClient({ url: harness.databaseUrl, max: 2, connectionTimeoutMs: 10_000, statementTimeoutMs: 60_000 });
  const cookies: Record<TAs, string | null> = { anonymous: null, expert: null, coordinator: null };
  try {
    const study = await createBenchStudy(prisma, "pages", ZQuestionnaire.parse(eaeuQuestionnaire));
    const [expert] = await addBenchExperts(prisma, study, 1, "pages");
    await acceptConsent(prisma, study, [expert!]);
    cookies.expert = await mintSessionCookie(prisma, { id: expert!.userId, role: "EXPERT" }, harness.secret);
    const { id } = await createStaffAccount(prisma, { email: `bench-pages-${randomBytes(3).toString("hex")}@bench.test`, name: "Bench coordinator", role: "COORDINATOR", password: randomBytes(12).toString("base64url"), language: "en" });
    await prisma.studyMember.create({ data: { studyId: study.studyId, userId: id, role: "COORDINATOR" } });
    cookies.coordinator = await mintSessionCookie(prisma, { id, role: "COORDINATOR" }, harness.secret);
  } finally {
    await prisma.$disconnect();
  }

  const browser = await chromium.launch({ executablePath: browserFound.executablePath, args: CHROMIUM_FLAGS, env: { ...process.env, ...browserFound.env } });
  const weights: TPageWeight[] = [];
  try {
    for (const page of PAGES) {
      const context = await browser.newContext({ locale: "en-US" });
      const cookie = cookies[page.as];
      if (cookie) {
        const [name, value] = [SESSION_COOKIE, cookie.slice(SESSION_COOKIE.length + 1)];
        await context.addCookies([{ name, value, url: harness.baseUrl, httpOnly: true, sameSite: "Lax" }]);
      }
      const w = await measurePage(context, harness.baseUrl, page);
      await context.close();
      log(`${page.label}: ${kb(w.encoded)} of JavaScript transferred (${kb(w.decoded)} decoded) in ${w.scripts.length} scripts; HTTP ${w.status}.`);
      weights.push(w);
    }
  } finally {
    await browser.close();
  }

  log("Lighthouse (mobile profile, simulated throttling) on the questionnaire...");
  const lhPage = PAGES.find((p) => p.key === LIGHTHOUSE_PAGE)!;
  const lh = await runLighthouse(browserFound, `${harness.baseUrl}${lhPage.path}`, cookies[lhPage.as]!);
  log(`Lighthouse: LCP ${ms(lh.lcpMs)}, CLS ${lh.clsValue.toFixed(3)}, TBT ${ms(lh.tbtMs)}, performance score ${lh.performance}.`);

  const baseline = weights.find((w) => w.page.key === BASELINE_PAGE) ?? weights[0]!;
  const checks: TCheck[] = [];
  for (const w of weights) {
    const status = w.page.status ?? 200;
    checks.push({ label: `${w.page.label} answers ${status} (${w.page.as})`, target: String(status), actual: String(w.status), pass: w.status === status });
    if (w.page.targetKb) checks.push({ label: `${w.page.label}: JavaScript transferred`, target: `≤ ${w.page.targetKb} KB`, actual: kb(w.encoded), pass: w.encoded <= w.page.targetKb * 1024 });
  }
  const onPage = new URL(lh.finalUrl).pathname === lhPage.path;
  checks.push(
    { label: `Lighthouse reached ${lhPage.path} (not a redirect to sign-in)`, target: lhPage.path, actual: new URL(lh.finalUrl).pathname, pass: onPage },
    { label: "Lighthouse LCP (mobile)", target: `≤ ${LIGHTHOUSE_TARGETS.lcpMs / 1000} s`, actual: ms(lh.lcpMs), pass: lh.lcpMs <= LIGHTHOUSE_TARGETS.lcpMs },
    { label: "Lighthouse CLS (mobile)", target: `≤ ${LIGHTHOUSE_TARGETS.cls}`, actual: lh.clsValue.toFixed(3), pass: lh.clsValue <= LIGHTHOUSE_TARGETS.cls },
    { label: "Lighthouse TBT (mobile)", target: `≤ ${LIGHTHOUSE_TARGETS.tbtMs} ms`, actual: ms(lh.tbtMs), pass: lh.tbtMs <= LIGHTHOUSE_TARGETS.tbtMs },
  );

  const baselineUrls = new Set(baseline.scripts.map((s) => shortUrl(s.url)));
  const details = weights.filter((w) => w !== baseline).map((w) => {
    const own = w.scripts.filter((s) => !baselineUrls.has(shortUrl(s.url)));
    const ownBytes = own.reduce((n, s) => n + s.encoded, 0);
    return {
      title: `${w.page.label} (${w.page.path}): scripts beyond the baseline`,
      text: [
        `${kb(w.encoded)} in ${w.scripts.length} scripts; ${kb(w.encoded - ownBytes)} of it also loaded by the not-found page, ${kb(ownBytes)} in ${own.length} scripts of its own:`,
        "",
        markdownTable([["script", "transferred", "decoded", "holds (guessed)"], ...own.slice(0, 12).map((s) => [shortUrl(s.url), kb(s.encoded), kb(s.decoded), chunkContents(s.url)])]),
      ].join("\n"),
    };
  });
  const question = weights.find((w) => w.page.key === "questionnaire");
  if (question) {
    const byLibrary = new Map<string, number>();
    for (const sc of question.scripts) {
      const what = chunkContents(sc.url) || "other";
      byLibrary.set(what, (byLibrary.get(what) ?? 0) + sc.encoded);
    }
    details.push({
      title: "What the questionnaire's JavaScript is made of (transferred, by what each chunk holds)",
      text: markdownTable([["holds (guessed)", "transferred"], ...[...byLibrary].sort(([, x], [, y]) => y - x).map(([what, bytes]) => [what, kb(bytes)])]),
    });
  }
  details.push({
    title: "Lighthouse: main-thread time per script on the questionnaire (bootup-time, 4× CPU slowdown)",
    text: markdownTable([["script", "total", "scripting"], ...lh.bootup.slice(0, 8).map((b) => [shortUrl(b.url), ms(b.totalMs), ms(b.scriptingMs)])]),
  });
  details.unshift({
    title: "Baseline: the not-found page's scripts (React, Next's runtime, the root layout)",
    text: markdownTable([["script", "transferred", "decoded", "encoding", "holds (guessed)"], ...baseline.scripts.slice(0, 12).map((s) => [shortUrl(s.url), kb(s.encoded), kb(s.decoded), s.encoding, chunkContents(s.url)])]),
  });

  return {
    name: "pages",
    title: "Page weight and Lighthouse",
    parameters: [
      ["browser", `${browserFound.source}, fresh profile per page, cache disabled, networkidle`],
      ["measure", "encoded bytes of every Script response (DevTools Network.loadingFinished), headers included"],
      ["pages", PAGES.map((p) => `${p.path} (${p.as})`).join(", ")],
      ["questionnaire", "the demo EAEU questionnaire, expert with consent accepted"],
      ["Lighthouse", `12.2.3, mobile profile (simulated throttling), ${lhPage.path} with the expert's session cookie`],
    ],
    figures: [
      ...weights.map((w): [string, string] => [`${w.page.label}: JavaScript`, `${kb(w.encoded)} transferred (${kb(w.decoded)} decoded), ${w.scripts.length} scripts; the HTML document ${kb(w.documentEncoded)}; all resources ${kb(w.allEncoded)}`]),
      ["Lighthouse LCP / CLS / TBT / FCP", `${ms(lh.lcpMs)} / ${lh.clsValue.toFixed(3)} / ${ms(lh.tbtMs)} / ${ms(lh.fcpMs)}`],
      ["Lighthouse performance score", String(lh.performance)],
    ],
    checks,
    details,
  };
}

export const pages: TBenchmark = { name: "pages", title: "Page weight and Lighthouse", run };
