import { createPrismaClient } from "@/lib/db/client";
import { allItems } from "@/lib/instrument/items";
import { acceptConsent, addBenchExperts, benchQuestionnaire, createBenchStudy, kindOf, signInExperts, type TBenchStudy } from "../bench/fixtures";
import { ExpertPanel, type TPhaseResult } from "../bench/load";
import { int, ms } from "../bench/stats";
import { verifyStoredAnswers } from "../bench/verify";
import type { TCluster } from "./cluster";

/** One assertion of a scenario: what must hold, whether it did, and what was measured. */
export type TCheck = { label: string; pass: boolean; detail: string };

export type TScenarioContext = { cluster: TCluster; log: (line: string) => void };

export type TScenario = {
  name: string;
  /** Why it cannot run here (e.g. the PostgreSQL server is not ours to restart); null to run. */
  skip?(ctx: TScenarioContext): string | null;
  run(ctx: TScenarioContext): Promise<TCheck[]>;
};

export const check = (label: string, pass: boolean, detail: string): TCheck => ({ label, pass, detail });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A study with a published questionnaire and `experts` simulated experts who accepted the consent,
 * each with their own session (the benchmark's fixtures), ready for the benchmark's load generator.
 */
export async function preparePanel(cluster: TCluster, label: string, experts: number, items = 20): Promise<{ study: TBenchStudy; panel: ExpertPanel }> {
  const prisma = createPrismaClient({ url: cluster.databaseUrl, max: 4, connectionTimeoutMs: 10_000, statementTimeoutMs: 60_000 });
  try {
    const questionnaire = benchQuestionnaire(items);
    const study = await createBenchStudy(prisma, label, questionnaire);
    const added = await addBenchExperts(prisma, study, experts, label);
    await acceptConsent(prisma, study, added);
    const cookies = await signInExperts(prisma, added, cluster.secret);
    const specs = allItems(questionnaire).map((i) => ({ code: i.code, kind: kindOf(i) }));
    return { study, panel: new ExpertPanel(cookies, added.map((e) => e.expertId), specs, study.versionId) };
  } finally {
    await prisma.$disconnect();
  }
}

const kinds = (phase: TPhaseResult) =>
  Object.entries(phase.errorKinds)
    .map(([k, n]) => `${k} ×${n}`)
    .join(", ") || "none";

/** One line about a load phase, for the report. */
export function phaseLine(phase: TPhaseResult): string {
  return `${phase.label}: ${int(phase.completed)} requests, ${int(phase.acked)} acknowledged (${int(phase.replays)} answered as replays), ${int(phase.retries)} resent after an unknown outcome, slowest ${ms(phase.maxRequestMs)}; failures: ${kinds(phase)}`;
}

/** Failures other than the clean ones a fault may cause (503 with Retry-After, and `allowed`). */
export function uncleanFailures(phases: TPhaseResult[], allowed: RegExp[] = []): string[] {
  const out: string[] = [];
  for (const phase of phases) {
    for (const [kind, n] of Object.entries(phase.errorKinds)) {
      const clean = /^HTTP 503 unavailable$/.test(kind) || allowed.some((re) => re.test(kind));
      if (!clean) out.push(`${phase.label}: ${kind} ×${n}${phase.errorExamples[kind] ? ` (${phase.errorExamples[kind]!.slice(0, 160)})` : ""}`);
    }
  }
  return out;
}

/**
 * The database after the load, against what each client was last told: every acknowledged save
 * stored with its value, no answer whose last save is still unanswered, the mutation log holding
 * exactly the acknowledged mutation ids (so a resent save was applied once), and whole histories.
 */
export async function storedAnswerChecks(cluster: TCluster, study: TBenchStudy, panel: ExpertPanel): Promise<TCheck[]> {
  const v = await verifyStoredAnswers(cluster.databaseUrl, study.instrumentId, panel);
  return [
    check("every save has a known outcome after the clients retried", v.unknown === 0, `${int(v.unknown)} items still unanswered`),
    check(
      "stored answers equal each client's last acknowledged value and revision",
      v.mismatches === 0 && v.compared > 0,
      `${int(v.compared)} expert × item pairs compared, ${int(v.mismatches)} mismatches${v.examples.length ? `: ${v.examples.join("; ")}` : ""}`,
    ),
    check(
      "the mutation log holds exactly the acknowledged mutation ids (retried saves applied once)",
      v.missingMutations === 0 && v.unacknowledgedMutations === 0 && v.mutationRows === panel.ackedMutations.size,
      `${int(panel.ackedMutations.size)} acknowledged, ${int(v.mutationRows)} rows, ${int(v.missingMutations)} missing, ${int(v.unacknowledgedMutations)} never acknowledged`,
    ),
    check("every answer's revision is its number of mutations, 1…revision, each once", v.brokenHistories === 0, `${int(v.brokenHistories)} broken histories`),
  ];
}
