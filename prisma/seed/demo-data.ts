import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExpertGroup, Language } from "@/lib/generated/prisma/enums";
import { completenessError, visibleItemCodes } from "@/lib/instrument/answer-rules";
import { answerSchema, type TAnswers, type TAnswerValue } from "@/lib/instrument/answers";
import { ZGuide, ZQuestionnaire, type TItem, type TQuestionnaire } from "@/lib/instrument/definition";
import { allItems, isAnswerable } from "@/lib/instrument/items";
import { optionOrderFor } from "@/lib/instrument/order";

/**
 * Synthetic demo data for the demo study: experts (marked `isDemo`) with questionnaire responses
 * whose distributions resemble the paper's (STUDY.md), and a few logged interviews with notes,
 * quotes and codes. Deterministic (a seeded PRNG), and every answer is checked with the same
 * schemas the server applies to real saves and submissions (lib/instrument/answers.ts).
 */

export const DEMO_RESPONDENTS = 40;
export const DEMO_IN_PROGRESS = 5;
export const DEMO_INTERVIEWS = 6;

const COUNTRIES = ["RU", "BY", "KZ", "AM", "KG"] as const;
const GROUPS: ExpertGroup[] = ["SCIENTIST", "OFFICIAL", "BUSINESS", "NONPROFIT"];

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, int, pick, shuffle };
}
type TRandom = ReturnType<typeof prng>;

/** Exact counts for n draws in proportion to the weights (largest remainder). */
export function allocate(n: number, weights: Record<string, number>): Record<string, number> {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const exact = Object.entries(weights).map(([k, w]) => ({ k, q: (n * w) / total }));
  const counts = Object.fromEntries(exact.map((e) => [e.k, Math.floor(e.q)]));
  let left = n - Object.values(counts).reduce((a, b) => a + b, 0);
  for (const e of [...exact].sort((a, b) => (b.q % 1) - (a.q % 1))) if (left-- > 0) counts[e.k]! += 1;
  return counts;
}

/** The paper's figures: Q2 as % of respondents; Q11, Q21, Q25 as % of all answers; Q5 as means per pair. */
const Q2_SHARES = { Q2_1: 45.28, Q2_2: 35.85, Q2_3: 11.32, Q2_HARD: 7.55 };
const ANSWER_SHARES: Record<string, Record<string, number>> = {
  Q11: { Q11_1: 21.48, Q11_2: 20.81, Q11_3: 12.75, Q11_4: 13.42, Q11_5: 10.07, Q11_6: 11.41, Q11_7: 8.72, Q11_OTHER: 1.34 },
  Q21: { Q21_1: 20.91, Q21_2: 20, Q21_3: 17.27, Q21_4: 16.36, Q21_5: 14.55, Q21_OTHER: 10.91 },
  Q25: { Q25_1: 23.53, Q25_2: 22.55, Q25_3: 22.55, Q25_OTHER: 31.37 },
};
export const PAIR_MEANS: Record<string, number> = {
  Q5_RU_BY: 8.5,
  Q5_RU_KZ: 7.9,
  Q5_KZ_KG: 6.9,
  Q5_RU_AM: 6.6,
  Q5_RU_KG: 6.4,
  Q5_BY_KZ: 6.0,
  Q5_BY_AM: 5.0,
  Q5_BY_KG: 4.7,
  Q5_KZ_AM: 4.6,
  Q5_AM_KG: 4.1,
};

const OTHER_TEXT = ["Развитие туризма", "Обмен опытом муниципалитетов", "Совместные экологические проекты", "Цифровизация таможенных процедур"];
const TEXTS = [
  "Главная проблема — отсутствие прямого транспортного сообщения между регионами.",
  "Соглашения между регионами часто носят декларативный характер и не подкреплены финансированием.",
  "Нужны совместные программы университетов и молодежные обмены.",
  "Бизнес готов работать напрямую, но мешают различия в регулировании.",
  "Positive examples exist, but they depend on the personal interest of regional leaders.",
  "Information about partners in neighbouring regions is hard to find.",
];

/** Answers of `n` respondents to a multiple choice so that the options' shares of all answers follow the weights. */
function dealChoices(r: TRandom, n: number, weights: Record<string, number>, perRespondent: () => number): string[][] {
  const capacity = Array.from({ length: n }, perRespondent);
  const tokens = r.shuffle(Object.entries(allocate(capacity.reduce((a, b) => a + b, 0), weights)).flatMap(([k, c]) => Array<string>(c).fill(k)));
  const out: string[][] = Array.from({ length: n }, () => []);
  for (const token of tokens) {
    const candidates = out.map((_, i) => i).filter((i) => !out[i]!.includes(token) && out[i]!.length < capacity[i]!);
    const pool = candidates.length ? candidates : out.map((_, i) => i).filter((i) => !out[i]!.includes(token));
    if (!pool.length) continue;
    const best = Math.max(...pool.map((i) => capacity[i]! - out[i]!.length));
    out[r.pick(pool.filter((i) => capacity[i]! - out[i]!.length === best))]!.push(token);
  }
  return out.map((choices, i) => (choices.length ? choices : [Object.keys(weights)[i % Object.keys(weights).length]!]));
}

/** Ratings 1..10 for one pair whose mean (of those who could assess it) is the target, to one decimal. */
function pairRatings(r: TRandom, n: number, mean: number): Array<number | "NA"> {
  const ratings: Array<number | "NA"> = Array.from({ length: n }, () => (r.next() < 0.06 ? "NA" : Math.min(10, Math.max(1, Math.round(mean + (r.next() + r.next() + r.next() - 1.5) * 2.4)))));
  const rated = ratings.map((v, i) => (v === "NA" ? -1 : i)).filter((i) => i >= 0);
  const target = Math.round(mean * rated.length);
  let sum = rated.reduce((s, i) => s + (ratings[i] as number), 0);
  for (let guard = 0; sum !== target && guard < 10_000; guard++) {
    const i = r.pick(rated);
    const v = ratings[i] as number;
    const step = sum < target ? 1 : -1;
    if (v + step >= 1 && v + step <= 10) {
      ratings[i] = v + step;
      sum += step;
    }
  }
  return ratings;
}

/** A plausible valid answer to any item. */
function anyAnswer(r: TRandom, item: TItem): TAnswerValue | undefined {
  switch (item.type) {
    case "single": {
      const option = r.pick(item.options);
      return option.other ? { choice: option.code, other: r.pick(OTHER_TEXT) } : { choice: option.code };
    }
    case "multi": {
      const plain = item.options.filter((o) => !o.exclusive && !o.other);
      const max = Math.min(item.maxSelect ?? 3, 3, plain.length);
      const min = Math.min(Math.max(item.minSelect ?? 1, 1), max);
      return { choices: r.shuffle(plain).slice(0, r.int(min, max)).map((o) => o.code) };
    }
    case "scale":
      return item.cannotAssess && r.next() < 0.05 ? { cannotAssess: true } : { value: r.int(item.min + Math.floor((item.max - item.min) / 3), item.max) };
    case "matrix":
      return { rows: Object.fromEntries(item.rows.map((row) => [row.code, item.cannotAssess && r.next() < 0.05 ? "NA" : r.int(item.min, item.max)])) };
    case "ranking":
      return { order: r.shuffle(item.options.filter((o) => !o.other)).slice(0, item.topK).map((o) => o.code) };
    case "number": {
      const min = item.min ?? 0;
      const max = Math.min(item.max ?? 100, min + 40);
      return { value: r.int(min, max) };
    }
    case "text":
      return item.required || r.next() < 0.4 ? { text: r.pick(TEXTS).slice(0, item.maxLength) } : undefined;
    case "display":
      return undefined;
  }
}

type TRespondent = { country: string; group: ExpertGroup; language: Language; complete: boolean };

/** The answers of every respondent: the paper's items first, then everything else at random; complete ones pass the submission check. */
export function demoAnswers(q: TQuestionnaire, respondents: readonly TRespondent[], seed = 2019): TAnswers[] {
  const r = prng(seed);
  const complete = respondents.map((p, i) => (p.complete ? i : -1)).filter((i) => i >= 0);
  const fixed: Array<Record<string, TAnswerValue>> = respondents.map(() => ({}));
  const q2 = r.shuffle(Object.entries(allocate(complete.length, Q2_SHARES)).flatMap(([k, c]) => Array<string>(c).fill(k)));
  complete.forEach((i, k) => (fixed[i]!.Q2 = { choice: q2[k]! }));
  for (const [code, weights] of Object.entries(ANSWER_SHARES)) {
    const dealt = dealChoices(r, complete.length, weights, () => r.int(1, 3));
    complete.forEach((i, k) => {
      const choices = dealt[k]!;
      const other = choices.find((c) => c.endsWith("_OTHER"));
      fixed[i]![code] = other ? { choices, other: r.pick(OTHER_TEXT) } : { choices };
    });
  }
  const ratings = Object.fromEntries(Object.entries(PAIR_MEANS).map(([row, mean]) => [row, pairRatings(r, complete.length, mean)]));
  complete.forEach((i, k) => (fixed[i]!.Q5 = { rows: Object.fromEntries(Object.keys(PAIR_MEANS).map((row) => [row, ratings[row]![k]!])) }));

  const items = allItems(q).filter(isAnswerable);
  // The server's own schemas and completeness rule, built once per item (building a schema is the slow part).
  const schemas = new Map(items.map((item) => [item.code, answerSchema(item)]));
  return respondents.map((p, i) => {
    const answers: TAnswers = { ...fixed[i], Q47: { choice: p.country }, Q48: { choice: p.group } };
    for (const item of items) if (!(item.code in answers)) answers[item.code] = anyAnswer(r, item);
    // Conditions may hide some items: only what the respondent would see is kept.
    const visible = visibleItemCodes(q, answers);
    const kept = items.filter((it) => visible.has(it.code) && answers[it.code] !== undefined);
    const out: TAnswers = Object.fromEntries((p.complete ? kept : kept.filter((it) => items.indexOf(it) < items.length * 0.4)).map((it) => [it.code, answers[it.code]!]));
    for (const item of items) {
      const value = out[item.code];
      if (value !== undefined && !schemas.get(item.code)!.safeParse(value).success) throw new Error(`Demo answer to ${item.code} is not valid`);
      if (p.complete && visible.has(item.code) && completenessError(item, value)) throw new Error(`Demo answer to ${item.code} is not complete`);
    }
    return out;
  });
}

/** A uuid from a name, so reseeding gives the same mutation ids. */
export const uuidFrom = (name: string) => {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const day = (base: Date, days: number, hours = 0) => new Date(base.getTime() + days * 86_400_000 + hours * 3_600_000);

/** Interview notes: answers to guide questions, with the sentence to quote and the codes it gets. */
const NOTES: Array<{ question: string; text: string; quote: string; codes: string[] }> = [
  {
    question: "B1_Q1",
    text: "Эксперт считает, что приграничное сотрудничество развивается. «Я вижу, что за последние годы регионы научились договариваться напрямую, без Москвы». Отмечает различия между странами.",
    quote: "Я вижу, что за последние годы регионы научились договариваться напрямую, без Москвы",
    codes: ["PERCEPTION_POSITIVE", "FORMS_HORIZONTAL"],
  },
  {
    question: "B2_Q1",
    text: "Про формы взаимодействия. «Большинство соглашений между регионами остаются на бумаге, реальных проектов единицы». Приводит пример форума регионов.",
    quote: "Большинство соглашений между регионами остаются на бумаге, реальных проектов единицы",
    codes: ["FORMS_AGREEMENTS", "BARRIERS_REGULATORY"],
  },
  {
    question: "B4_Q1",
    text: "Главные барьеры. «Бюрократия на местах съедает любую инициативу: согласования занимают месяцы». Также недостаток информации о партнерах.",
    quote: "Бюрократия на местах съедает любую инициативу: согласования занимают месяцы",
    codes: ["BARRIERS_BUREAUCRACY"],
  },
  {
    question: "B4_Q2",
    text: "О перспективах. «Будущее за сотрудничеством университетов и некоммерческих организаций — там меньше формализма». Предлагает обмен лучшими практиками.",
    quote: "Будущее за сотрудничеством университетов и некоммерческих организаций — там меньше формализма",
    codes: ["PERCEPTION_POSITIVE"],
  },
];

/**
 * Adds the demo respondents and interviews to the demo study. Runs inside the caller's transaction
 * (seedDemo); all rows are written in a few batched statements so `npm start` stays fast.
 */
export async function seedDemoData(tx: Prisma.TransactionClient, studyId: string): Promise<void> {
  const r = prng(7);
  const questionnaire = await tx.instrumentVersion.findFirstOrThrow({
    where: { instrument: { studyId, kind: "QUESTIONNAIRE" }, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: { id: true, instrumentId: true, content: true },
  });
  const q = ZQuestionnaire.parse(questionnaire.content);
  const study = await tx.study.findUniqueOrThrow({ where: { id: studyId }, select: { consentVersion: true } });
  const start = new Date("2019-02-04T09:00:00Z");

  const respondents: TRespondent[] = Array.from({ length: DEMO_RESPONDENTS }, (_, i) => ({
    country: COUNTRIES[i % COUNTRIES.length]!,
    group: GROUPS[Math.floor(i / COUNTRIES.length) % GROUPS.length]!,
    language: i % 4 === 3 ? "en" : "ru",
    complete: i < DEMO_RESPONDENTS - DEMO_IN_PROGRESS,
  }));
  const answers = demoAnswers(q, respondents);

  // The panel records in two statements, numbered after the existing ones (the study row is locked, as addExpert does).
  const people = [
    ...respondents.map((p, i) => ({ ...p, name: `Demo Respondent ${i + 1}`, email: `respondent${i + 1}@demo.local`, interview: false })),
    ...Array.from({ length: DEMO_INTERVIEWS }, (_, i) => ({
      country: COUNTRIES[i % COUNTRIES.length]!,
      group: GROUPS[i % GROUPS.length]!,
      language: "ru" as Language,
      complete: true,
      name: `Demo Interviewee ${i + 1}`,
      email: `interviewee${i + 1}@demo.local`,
      interview: true,
    })),
  ];
  await tx.$executeRaw`SELECT 1 FROM "Study" WHERE "id" = ${studyId}::uuid FOR UPDATE`;
  const last = (await tx.expert.aggregate({ where: { studyId }, _max: { pseudonym: true } }))._max.pseudonym ?? 0;
  const users = await tx.user.createManyAndReturn({ data: people.map((p) => ({ email: p.email, name: p.name, role: "EXPERT" as const, language: p.language })), select: { id: true, email: true } });
  const userId = new Map(users.map((u) => [u.email, u.id]));
  const timeline = people.map(() => {
    const invitedAt = day(start, r.int(0, 20));
    const startedAt = day(invitedAt, r.int(0, 6), r.int(1, 10));
    return { invitedAt, startedAt, updatedAt: day(startedAt, 0, r.int(1, 5)) };
  });
  const experts = await tx.expert.createManyAndReturn({
    data: people.map((p, i) => ({
      studyId,
      userId: userId.get(p.email)!,
      pseudonym: last + i + 1,
      country: p.country,
      expertGroup: p.group,
      isDemo: true,
      track: p.interview ? ("INTERVIEW" as const) : ("QUESTIONNAIRE" as const),
      status: p.complete ? ("COMPLETED" as const) : ("STARTED" as const),
      invitedAt: timeline[i]!.invitedAt,
      linkOpenedAt: p.interview ? null : timeline[i]!.startedAt,
      lastActivityAt: p.interview ? null : timeline[i]!.updatedAt,
      remindersPaused: true,
    })),
    select: { id: true, pseudonym: true },
  });
  const expertIds = [...experts].sort((x, y) => x.pseudonym - y.pseudonym).map((e) => e.id);

  const responses: Prisma.ResponseCreateManyInput[] = [];
  const answerRows: Array<{ responseId: string; itemCode: string; value: TAnswerValue; mutationId: string; updatedAt: Date }> = [];
  const consents: Prisma.ConsentCreateManyInput[] = [];
  for (const [i, p] of respondents.entries()) {
    const expertId = expertIds[i]!;
    const { startedAt, updatedAt } = timeline[i]!;
    const responseId = uuidFrom(`demo-response-${i}`);
    responses.push({
      id: responseId,
      expertId,
      instrumentId: questionnaire.instrumentId,
      versionId: questionnaire.id,
      status: p.complete ? "SUBMITTED" : "IN_PROGRESS",
      optionOrder: optionOrderFor(q, expertId) as Prisma.InputJsonValue,
      startedAt,
      updatedAt,
      submittedAt: p.complete ? updatedAt : null,
    });
    consents.push({ expertId, decision: "ACCEPTED", textVersion: study.consentVersion, language: p.language, decidedAt: startedAt });
    for (const [itemCode, value] of Object.entries(answers[i]!)) {
      answerRows.push({ responseId, itemCode, value: value!, mutationId: uuidFrom(`demo-${i}-${itemCode}`), updatedAt });
    }
  }
  await tx.consent.createMany({ data: consents });
  await tx.response.createMany({ data: responses });
  // One statement for all answers (a createMany of this many JSON values is slow).
  await tx.$executeRaw`
    INSERT INTO "Answer" ("responseId", "itemCode", "value", "revision", "mutationId", "updatedAt")
    SELECT a."responseId", a."itemCode", a."value", 1, a."mutationId", a."updatedAt"
      FROM jsonb_to_recordset(${JSON.stringify(answerRows)}::jsonb) AS a("responseId" uuid, "itemCode" text, "value" jsonb, "mutationId" uuid, "updatedAt" timestamptz)`;

  // Interviews: done, by the demo interviewer, with notes, quotes and codes from the demo codebook.
  const guide = await tx.instrumentVersion.findFirstOrThrow({
    where: { instrument: { studyId, kind: "GUIDE" }, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: { id: true, content: true },
  });
  const guideQuestions = new Set(ZGuide.parse(guide.content).blocks.flatMap((b) => b.questions.map((x) => x.code)));
  const interviewer = await tx.user.findFirstOrThrow({ where: { role: "INTERVIEWER" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const codes = new Map((await tx.themeCode.findMany({ where: { studyId }, select: { id: true, code: true } })).map((c) => [c.code, c.id]));
  const interviews: Prisma.InterviewCreateManyInput[] = [];
  const notes: Prisma.InterviewNoteCreateManyInput[] = [];
  const quotes: Prisma.QuoteCreateManyInput[] = [];
  const quoteCodes: Prisma.QuoteCodeCreateManyInput[] = [];
  const noteCodes: Prisma.NoteCodeCreateManyInput[] = [];
  for (let i = 0; i < DEMO_INTERVIEWS; i++) {
    const interviewId = uuidFrom(`demo-interview-${i}`);
    const plannedAt = day(start, 30 + i * 7, 2);
    const finishedAt = day(plannedAt, 0, 1);
    interviews.push({
      id: interviewId,
      expertId: expertIds[respondents.length + i]!,
      interviewerId: interviewer.id,
      versionId: guide.id,
      plannedAt,
      mode: i % 2 ? "VIDEO" : "IN_PERSON",
      status: "DONE",
      consentAt: plannedAt,
      startedAt: plannedAt,
      finishedAt,
      durationSeconds: 3600 + i * 240,
    });
    for (const [k, note] of NOTES.filter((n, k) => guideQuestions.has(n.question) && (k + i) % 4 !== 3).entries()) {
      notes.push({ interviewId, questionCode: note.question, text: note.text, revision: 1, mutationId: uuidFrom(`demo-note-${i}-${k}`), firstWorkedAt: plannedAt, lastWorkedAt: finishedAt, updatedAt: finishedAt });
      const codeIds = note.codes.map((c) => codes.get(c)).filter((id): id is string => !!id);
      const at = note.text.indexOf(note.quote);
      const quoteId = uuidFrom(`demo-quote-${i}-${k}`);
      quotes.push({ id: quoteId, interviewId, questionCode: note.question, start: at, end: at + note.quote.length, text: note.quote, createdById: interviewer.id, createdAt: finishedAt });
      for (const codeId of codeIds) {
        quoteCodes.push({ quoteId, codeId });
        noteCodes.push({ interviewId, questionCode: note.question, codeId });
      }
    }
  }
  await tx.interview.createMany({ data: interviews });
  await tx.interviewNote.createMany({ data: notes });
  await tx.quote.createMany({ data: quotes });
  await tx.quoteCode.createMany({ data: quoteCodes });
  await tx.noteCode.createMany({ data: noteCodes });
}
