import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TImportProblem } from "@/lib/panel/import";
import { IMPORT_COLUMNS } from "@/lib/panel/import";
import { EXPERT_GROUPS } from "@/lib/panel/schemas";
import { changeStatus, createExpert, decideVetting, getExpert, importExperts, listExperts, updateExpert } from "@/lib/panel/service";
import { transitionStatus } from "@/lib/panel/status";
import { CRITERION_KEYS, type TVettingChecklist } from "@/lib/panel/vetting";
import { EAEU_COUNTRIES } from "@/lib/study/countries";
import { testPrisma } from "@/lib/testing/db";
import { rejection } from "@/lib/testing/errors";
import { actorFor, joinStudy, makeExpert, makeStaff, makeStudy, unique } from "@/lib/testing/factories";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

/** A coordinator on the team of each of `studyIds`. */
const coordinator = async (...studyIds: string[]) => {
  const staff = await makeStaff(prisma, "COORDINATOR");
  for (const studyId of studyIds) await joinStudy(prisma, studyId, staff);
  return actorFor(prisma, staff.id);
};
const HEADER = IMPORT_COLUMNS.join(",");

/** A CSV row in the documented column order. */
function csvRow(v: { name: string; email: string; country: string; group: string; organisation?: string; publications?: string; experience?: string; track?: string }) {
  return [v.name, v.email, v.country, v.group, v.organisation ?? "", "Researcher", "PhD", v.publications ?? "5", v.experience ?? "10", "", "ru", v.track ?? "questionnaire", ""].join(",");
}

/** 103 experts spread over the 5 countries × 4 groups, as the paper's panel. */
function panelCsv(tag: string, n = 103) {
  const rows = Array.from({ length: n }, (_, i) =>
    csvRow({ name: `Expert ${tag} ${i}`, email: `e${i}-${tag}@it.test`, country: EAEU_COUNTRIES[i % 5]!, group: EXPERT_GROUPS[Math.floor(i / 5) % 4]!, track: i % 2 ? "interview" : "questionnaire" }),
  );
  return [HEADER, ...rows].join("\n");
}

const fields = (over: Partial<Parameters<typeof createExpert>[1]> = {}) => ({
  name: "Aigul Serikova",
  email: `aigul-${unique()}@it.test`,
  country: "KZ" as const,
  expertGroup: "OFFICIAL" as const,
  organisation: "Ministry of Trade",
  position: "Head of unit",
  degree: "",
  publications: null,
  experienceYears: 8,
  leadershipRole: "",
  language: "ru" as const,
  track: "QUESTIONNAIRE" as const,
  notes: "",
  ...over,
});

const allMet = (met = true): TVettingChecklist =>
  Object.fromEntries(CRITERION_KEYS.map((k) => [k, { met, note: `note on ${k}` }])) as TVettingChecklist;

describe("panel: CSV import", () => {
  it("imports 103 experts across every country and group, each with its own pseudonym, in one audited commit", async () => {
    const study = await makeStudy(prisma);
    const actor = await coordinator(study.id);
    const csv = panelCsv(unique());

    const preview = await importExperts(actor, { studyId: study.id, csv, commit: false });
    expect(preview.problems).toEqual([]);
    expect(preview.rows).toHaveLength(103);
    expect(await prisma.expert.count({ where: { studyId: study.id } })).toBe(0);

    const result = await importExperts(actor, { studyId: study.id, csv, commit: true });
    expect(result.imported).toBe(103);
    const experts = await prisma.expert.findMany({ where: { studyId: study.id }, select: { pseudonym: true, country: true, expertGroup: true, status: true, track: true, publications: true } });
    expect(experts.map((e) => e.pseudonym).sort((a, b) => a - b)).toEqual(Array.from({ length: 103 }, (_, i) => i + 1));
    expect(new Set(experts.map((e) => `${e.country}/${e.expertGroup}`)).size).toBe(20);
    expect(experts.every((e) => e.status === "NOMINATED" && e.publications === 5)).toBe(true);
    expect(experts.filter((e) => e.track === "INTERVIEW")).toHaveLength(51);
    const summary = await prisma.auditEvent.findMany({ where: { action: "expert.import", entityId: study.id } });
    expect(summary).toHaveLength(1);
    expect(summary[0]!.after).toMatchObject({ count: 103 });
  });

  it("imports nothing when one row is bad, and the report names that row and field", async () => {
    const study = await makeStudy(prisma);
    const actor = await coordinator(study.id);
    const lines = panelCsv(unique(), 10).split("\n");
    lines[7] = lines[7]!.replace(/,KZ,|,RU,|,BY,|,AM,|,KG,/, ",Atlantis,");
    const csv = lines.join("\n");

    const preview = await importExperts(actor, { studyId: study.id, csv, commit: false });
    expect(preview.problems).toEqual([{ row: 8, field: "country", message: expect.stringContaining('"Atlantis"') }]);
    const error = await rejection(importExperts(actor, { studyId: study.id, csv, commit: true }));
    expect(error.status).toBe(422);
    expect((error.details as { problems: TImportProblem[] }).problems.map((p) => [p.row, p.field])).toEqual([[8, "country"]]);
    expect(await prisma.expert.count({ where: { studyId: study.id } })).toBe(0);
  });

  it("refuses duplicate e-mails within the file and against the study's panel, importing nothing", async () => {
    const study = await makeStudy(prisma);
    const actor = await coordinator(study.id);
    const existing = await createExpert(actor, { ...fields(), studyId: study.id });
    const existingEmail = (await prisma.user.findUniqueOrThrow({ where: { id: existing.userId } })).email;
    const csv = [
      HEADER,
      csvRow({ name: "A", email: "a-dup@it.test".replace("dup", unique()), country: "RU", group: "SCIENTIST" }),
      csvRow({ name: "B", email: existingEmail.toUpperCase(), country: "RU", group: "SCIENTIST" }),
      csvRow({ name: "C", email: "c@it.test".replace("c@", `c-${unique()}@`), country: "RU", group: "SCIENTIST" }),
    ];
    const dupEmail = csv[3]!.split(",")[1]!;
    csv.push(csvRow({ name: "D", email: dupEmail, country: "AM", group: "BUSINESS" }));
    const error = await rejection(importExperts(actor, { studyId: study.id, csv: csv.join("\n"), commit: true }));
    const problems = (error.details as { problems: TImportProblem[] }).problems;
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [3, "email"],
      [5, "email"],
    ]);
    expect(problems[0]!.message).toContain(`Expert ${existing.pseudonym}`);
    expect(problems[1]!.message).toContain("row 4");
    expect(await prisma.expert.count({ where: { studyId: study.id } })).toBe(1);

    // The same e-mail on another study's panel is fine: the expert keeps one account.
    const other = await makeStudy(prisma, { id: actor.userId, role: "COORDINATOR" });
    const ok = await importExperts(actor, { studyId: other.id, csv: [HEADER, csvRow({ name: "B", email: existingEmail, country: "KZ", group: "OFFICIAL" })].join("\n"), commit: true });
    expect(ok.imported).toBe(1);
  });

  it("only coordinators import", async () => {
    const study = await makeStudy(prisma);
    const interviewer = await actorFor(prisma, (await makeStaff(prisma, "INTERVIEWER")).id);
    expect((await rejection(importExperts(interviewer, { studyId: study.id, csv: panelCsv(unique(), 1), commit: true }))).status).toBe(403);
    expect(await prisma.expert.count({ where: { studyId: study.id } })).toBe(0);
  });
});

describe("panel: vetting and status", () => {
  it("a vetting decision stores the checklist, who decided and when, and audits old and new values", async () => {
    const study = await makeStudy(prisma);
    const actor = await coordinator(study.id);
    const { expertId } = await createExpert(actor, { ...fields(), studyId: study.id });

    const notAll = { ...allMet(), expertExperience: { met: false, note: "only 1 year" } };
    expect((await rejection(decideVetting(actor, expertId, { checklist: notAll, decision: "VETTED" }))).code).toBe("criteria_not_met");
    expect((await getExpert(actor, expertId)).status).toBe("NOMINATED");

    const before = Date.now();
    const decided = await decideVetting(actor, expertId, { checklist: allMet(), decision: "VETTED" });
    expect(decided).toMatchObject({ status: "VETTED", decidedById: actor.userId });
    expect(decided.decidedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const expert = await getExpert(actor, expertId);
    expect(expert.vetting.degreePublications).toEqual({ met: true, note: "note on degreePublications" });

    const status = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: expertId, action: "expert.status" } });
    expect(status.actorId).toBe(actor.userId);
    expect(status.before).toMatchObject({ status: "NOMINATED", decidedById: null, decidedAt: null });
    expect(status.after).toMatchObject({ status: "VETTED", decidedById: actor.userId });
    const checklist = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: expertId, action: "expert.vetting" } });
    expect(checklist.before).toMatchObject({ degreePublications: { met: false, note: "" } });
    expect(checklist.after).toMatchObject({ degreePublications: { met: true } });

    // A second coordinator reverses it: the decision now names them.
    const second = await coordinator((await prisma.expert.findUniqueOrThrow({ where: { id: expertId } })).studyId);
    await decideVetting(second, expertId, { checklist: allMet(false), decision: "REJECTED" });
    expect(await prisma.expert.findUniqueOrThrow({ where: { id: expertId }, select: { status: true, decidedById: true } })).toEqual({ status: "REJECTED", decidedById: second.userId });
  });

  it("refuses illegal transitions with 409 and leaves the status alone", async () => {
    const study = await makeStudy(prisma);
    const actor = await coordinator(study.id);
    const { expertId } = await createExpert(actor, { ...fields(), studyId: study.id });

    const invite = await rejection(prisma.$transaction((tx) => transitionStatus(tx, expertId, "INVITED", actor.userId)));
    expect(invite.status).toBe(409);
    expect(invite.details).toEqual({ from: "NOMINATED", to: "INVITED" });

    await decideVetting(actor, expertId, { checklist: allMet(false), decision: "REJECTED" });
    expect((await rejection(changeStatus(actor, expertId, "withdraw"))).status).toBe(409);
    expect((await rejection(changeStatus(actor, expertId, "reinstate"))).status).toBe(409);

    const other = await createExpert(actor, { ...fields(), studyId: study.id });
    await changeStatus(actor, other.expertId, "decline");
    expect((await rejection(changeStatus(actor, other.expertId, "withdraw"))).status).toBe(409);
    expect((await rejection(decideVetting(actor, other.expertId, { checklist: allMet(), decision: "VETTED" }))).status).toBe(409);
    expect((await getExpert(actor, other.expertId)).status).toBe("DECLINED");
    // Reinstating a never-vetted expert nominates them again.
    expect(await changeStatus(actor, other.expertId, "reinstate")).toEqual({ from: "DECLINED", to: "NOMINATED" });
    // A vetted expert who withdrew comes back vetted.
    await decideVetting(actor, other.expertId, { checklist: allMet(), decision: "VETTED" });
    await changeStatus(actor, other.expertId, "withdraw");
    expect(await changeStatus(actor, other.expertId, "reinstate")).toEqual({ from: "WITHDRAWN", to: "VETTED" });

    // The lifecycle others drive: vetted → invited → started → completed, no skipping.
    const third = await createExpert(actor, { ...fields(), studyId: study.id });
    await decideVetting(actor, third.expertId, { checklist: allMet(), decision: "VETTED" });
    await prisma.$transaction((tx) => transitionStatus(tx, third.expertId, "INVITED", null));
    expect((await rejection(prisma.$transaction((tx) => transitionStatus(tx, third.expertId, "COMPLETED", null)))).status).toBe(409);
    await prisma.$transaction((tx) => transitionStatus(tx, third.expertId, "STARTED", null));
    await prisma.$transaction((tx) => transitionStatus(tx, third.expertId, "COMPLETED", null));
    const done = await prisma.expert.findUniqueOrThrow({ where: { id: third.expertId } });
    expect(done.status).toBe("COMPLETED");
    expect(done.invitedAt).not.toBeNull();
    expect((await rejection(changeStatus(actor, third.expertId, "decline"))).status).toBe(409);
  });
});

describe("panel: add, edit, list", () => {
  it("adding refuses an e-mail already on the panel; editing audits only the changed fields", async () => {
    const study = await makeStudy(prisma);
    const actor = await coordinator(study.id);
    const input = fields();
    const { expertId } = await createExpert(actor, { ...input, studyId: study.id });
    expect((await rejection(createExpert(actor, { ...fields({ email: input.email }), studyId: study.id }))).status).toBe(409);

    await updateExpert(actor, expertId, { ...input, organisation: "Eurasian Economic Commission", experienceYears: 9, track: "BOTH" });
    const expert = await getExpert(actor, expertId);
    expect(expert).toMatchObject({ organisation: "Eurasian Economic Commission", experienceYears: 9, track: "BOTH" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: expertId, action: "expert.update" } });
    expect(event.before).toEqual({ organisation: "Ministry of Trade", experienceYears: 8, track: "QUESTIONNAIRE" });
    expect(event.after).toEqual({ organisation: "Eurasian Economic Commission", experienceYears: 9, track: "BOTH" });

    const staff = await makeStaff(prisma, "INTERVIEWER");
    expect((await rejection(updateExpert(actor, expertId, { ...input, email: staff.email }))).status).toBe(409);
  });

  it("searches name, e-mail and organisation case-insensitively, filters and sorts in the query", async () => {
    const study = await makeStudy(prisma);
    const actor = await coordinator(study.id);
    const tag = unique();
    const add = (over: Partial<ReturnType<typeof fields>>) => createExpert(actor, { ...fields(over), studyId: study.id });
    const zara = await add({ name: "Zara Hakobyan", country: "AM", expertGroup: "SCIENTIST", organisation: "Yerevan State University", track: "INTERVIEW" });
    const boris = await add({ name: "Boris Lukashevich", country: "BY", expertGroup: "BUSINESS", organisation: "Minsk Chamber", email: `boris-${tag}@chamber.by` });
    const anna = await add({ name: "Anna Volkova", country: "RU", expertGroup: "SCIENTIST", organisation: "Institute of Economics", track: "BOTH" });
    await makeExpert(prisma, (await makeStudy(prisma)).id); // another study's expert never shows
    await decideVetting(actor, anna.expertId, { checklist: allMet(), decision: "VETTED" });
    await prisma.expert.update({ where: { id: boris.expertId }, data: { lastActivityAt: new Date("2026-01-01") } });
    await prisma.expert.update({ where: { id: zara.expertId }, data: { lastActivityAt: new Date("2026-02-01") } });

    const ids = async (q: Omit<Parameters<typeof listExperts>[1], "studyId">) => (await listExperts(actor, { studyId: study.id, ...q })).experts.map((e) => e.id);
    expect(await ids({})).toEqual([zara.expertId, boris.expertId, anna.expertId]);
    expect(await ids({ q: "YEREVAN" })).toEqual([zara.expertId]);
    expect(await ids({ q: `BORIS-${tag}` })).toEqual([boris.expertId]);
    expect(await ids({ q: "volk" })).toEqual([anna.expertId]);
    expect(await ids({ group: "SCIENTIST" })).toEqual([zara.expertId, anna.expertId]);
    expect(await ids({ country: "BY" })).toEqual([boris.expertId]);
    expect(await ids({ status: "VETTED" })).toEqual([anna.expertId]);
    expect(await ids({ track: "INTERVIEW" })).toEqual([zara.expertId]);
    expect(await ids({ group: "SCIENTIST", q: "institute" })).toEqual([anna.expertId]);
    expect(await ids({ sort: "name" })).toEqual([anna.expertId, boris.expertId, zara.expertId]);
    expect(await ids({ sort: "country", dir: "desc" })).toEqual([anna.expertId, boris.expertId, zara.expertId]);
    expect(await ids({ sort: "activity", dir: "desc" })).toEqual([zara.expertId, boris.expertId, anna.expertId]);
    expect(await ids({ sort: "status" })).toEqual([zara.expertId, boris.expertId, anna.expertId]);
    expect((await listExperts(actor, { studyId: study.id, q: "nobody" })).count).toBe(0);
  });
});
