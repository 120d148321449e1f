import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/sessions";
import { codesOfStudy, studyCodeRows } from "@/lib/codebook/service";
import { buildTree, descendantIds, flattenTree, pathName, type TCodeRow } from "@/lib/codebook/tree";
import { badRequest, notFound } from "@/lib/errors";
import type { ExpertGroup } from "@/lib/generated/prisma/enums";
import { publishedGuide } from "@/lib/interviews/guides";
import { assertId, parseInput } from "@/lib/http/input";
import { ZCodeIds, type TCodeIds } from "@/lib/interviews/schemas";
import { interviewGuide, interviewScope, lockInterview, mainQuestion } from "@/lib/interviews/service";
import { attribution, quotesCsv, quotesMarkdown, uncodedName, type TExportGroup, type TLang } from "@/lib/quotes/export";
import { QUOTE_MAX_CHARS, ZCreateQuote, ZQuoteExport, ZQuoteFilters, type TCreateQuote, type TQuoteExport, type TQuoteFilters } from "@/lib/quotes/schemas";

const offsetsProblem = (message: string) => badRequest(message, [{ path: "start", message: "outsideNote" }]);

/**
 * Marks a passage of a note as a quote: the interviewer's own interview, or any for a coordinator.
 * The passage must lie inside the note's current text and match it exactly (400 otherwise), and
 * its codes must be the study's.
 */
export async function createQuote(actor: TActor, interviewId: string, input: TCreateQuote): Promise<{ id: string }> {
  const scope = interviewScope(actor);
  const data = parseInput(ZCreateQuote, input);
  const guide = await interviewGuide(scope, interviewId);
  mainQuestion(guide, data.questionCode);
  return db().$transaction(async (tx) => {
    await lockInterview(tx, scope, interviewId);
    const note = await tx.interviewNote.findUnique({
      where: { interviewId_questionCode: { interviewId, questionCode: data.questionCode } },
      select: { text: true },
    });
    if (!note || note.text.length === 0) throw offsetsProblem("There are no notes on this question to quote from.");
    if (!(data.start < data.end && data.end <= note.text.length)) throw offsetsProblem("The quote does not lie inside the note.");
    if (data.end - data.start > QUOTE_MAX_CHARS) throw offsetsProblem(`A quote is at most ${QUOTE_MAX_CHARS} characters long.`);
    if (note.text.slice(data.start, data.end) !== data.text) {
      throw badRequest("The quote does not match the note (it may have changed since): select the passage again.", [{ path: "text", message: "mismatch" }]);
    }
    const codeIds = await codesOfStudy(tx, guide.studyId, data.codeIds ?? []);
    const quote = await tx.quote.create({
      data: {
        interviewId,
        questionCode: data.questionCode,
        start: data.start,
        end: data.end,
        text: data.text,
        createdById: actor.userId,
        codes: { create: codeIds.map((codeId) => ({ codeId })) },
      },
      select: { id: true },
    });
    return { id: quote.id };
  });
}

/** A quote of an interview the actor may see, or 404. */
async function visibleQuote(actor: TActor, quoteId: string) {
  const scope = interviewScope(actor);
  assertId(quoteId, "The quote");
  const quote = await db().quote.findFirst({
    where: { id: quoteId, interview: scope },
    select: { id: true, interviewId: true, interview: { select: { expert: { select: { studyId: true } } } } },
  });
  if (!quote) throw notFound("The quote");
  return { scope, quote };
}

export async function deleteQuote(actor: TActor, quoteId: string): Promise<{ ok: true }> {
  const { scope } = await visibleQuote(actor, quoteId);
  const { count } = await db().quote.deleteMany({ where: { id: quoteId, interview: scope } });
  if (count === 0) throw notFound("The quote");
  return { ok: true };
}

/** Replaces a quote's codes; every code must be in the quote's study (400). */
export async function setQuoteCodes(actor: TActor, quoteId: string, input: TCodeIds): Promise<{ codeIds: string[] }> {
  const data = parseInput(ZCodeIds, input);
  const { scope, quote } = await visibleQuote(actor, quoteId);
  return db().$transaction(async (tx) => {
    await lockInterview(tx, scope, quote.interviewId);
    if (!(await tx.quote.findUnique({ where: { id: quoteId }, select: { id: true } }))) throw notFound("The quote");
    const codeIds = await codesOfStudy(tx, quote.interview.expert.studyId, data.codeIds);
    await tx.quoteCode.deleteMany({ where: { quoteId } });
    if (codeIds.length) await tx.quoteCode.createMany({ data: codeIds.map((codeId) => ({ quoteId, codeId })) });
    return { codeIds };
  });
}

// ─────────────────────────────────────────────────────────── browsing and exporting

export type TQuoteCodeView = { id: string; code: string; nameRu: string; nameEn: string };

export type TQuoteView = {
  id: string;
  text: string;
  attribution: string;
  pseudonym: number;
  country: string;
  expertGroup: ExpertGroup;
  interviewId: string;
  questionCode: string;
  blockCode: string;
  codes: TQuoteCodeView[];
};

type TFound = TQuoteView & { studyId: string; codeIds: string[] };

/**
 * The quotes an actor may see (an interviewer: of their own interviews; a coordinator: all), with
 * the filters applied, in interview and guide order; and the codebooks of their studies.
 */
async function findQuotes(actor: TActor, filters: ReturnType<typeof ZQuoteFilters.parse>, lang: TLang) {
  const scope = interviewScope(actor);
  let codeFilter: string[] | undefined;
  if (filters.code) {
    const code = await db().themeCode.findFirst({ where: { id: filters.code, study: scope.expert.study }, select: { studyId: true } });
    codeFilter = code ? descendantIds(await studyCodeRows(db(), code.studyId), filters.code) : [];
    if (codeFilter.length === 0) return { quotes: [] as TFound[], codeRows: new Map<string, TCodeRow[]>(), studyOrder: [] as string[] };
  }
  const rows = await db().quote.findMany({
    where: {
      interview: {
        ...scope,
        expert: { ...scope.expert, country: filters.country, expertGroup: filters.group },
      },
      ...(codeFilter ? { codes: { some: { codeId: { in: codeFilter } } } } : {}),
    },
    select: {
      id: true,
      text: true,
      start: true,
      end: true,
      questionCode: true,
      interviewId: true,
      interview: {
        select: {
          plannedAt: true,
          versionId: true,
          expert: { select: { pseudonym: true, country: true, expertGroup: true, studyId: true, study: { select: { createdAt: true } } } },
        },
      },
      codes: { select: { codeId: true } },
    },
  });
  const versionIds = [...new Set(rows.map((r) => r.interview.versionId))];
  const versions = await db().instrumentVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, content: true } });
  const guides = new Map(versions.map((v) => [v.id, publishedGuide(v.id, v.content)]));
  const studyIds = [...new Set(rows.map((r) => r.interview.expert.studyId))];
  const codeRows = new Map<string, TCodeRow[]>();
  for (const studyId of studyIds) codeRows.set(studyId, await studyCodeRows(db(), studyId));
  const codeById = new Map([...codeRows.values()].flat().map((c) => [c.id, c]));
  // Codes listed in tree order.
  const treeOrder = new Map<string, number>();
  for (const rowsOfStudy of codeRows.values()) for (const [i, f] of flattenTree(buildTree(rowsOfStudy)).entries()) treeOrder.set(f.node.id, i);

  const ordered = rows
    .map((r) => {
      const question = guides.get(r.interview.versionId)?.questions.get(r.questionCode);
      return { r, blockCode: question?.blockCode ?? "", order: question?.order ?? Number.MAX_SAFE_INTEGER };
    })
    .filter((x) => !filters.block || x.blockCode === filters.block)
    .sort(
      (a, b) =>
        a.r.interview.plannedAt.getTime() - b.r.interview.plannedAt.getTime() ||
        (a.r.interviewId < b.r.interviewId ? -1 : a.r.interviewId > b.r.interviewId ? 1 : 0) ||
        a.order - b.order ||
        a.r.start - b.r.start ||
        a.r.end - b.r.end,
    );
  const quotes: TFound[] = ordered.map(({ r, blockCode }) => {
    const codeIds = r.codes.map((c) => c.codeId).sort((x, y) => (treeOrder.get(x) ?? 0) - (treeOrder.get(y) ?? 0));
    return {
      id: r.id,
      text: r.text,
      attribution: attribution(r.interview.expert.pseudonym, r.interview.expert.country, lang),
      pseudonym: r.interview.expert.pseudonym,
      country: r.interview.expert.country,
      expertGroup: r.interview.expert.expertGroup,
      interviewId: r.interviewId,
      questionCode: r.questionCode,
      blockCode,
      codes: codeIds.flatMap((id) => {
        const c = codeById.get(id);
        return c ? [{ id: c.id, code: c.code, nameRu: c.nameRu, nameEn: c.nameEn }] : [];
      }),
      studyId: r.interview.expert.studyId,
      codeIds,
    };
  });
  const studyCreated = new Map(rows.map((r) => [r.interview.expert.studyId, r.interview.expert.study.createdAt.getTime()]));
  const studyOrder = studyIds.sort((a, b) => (studyCreated.get(a) ?? 0) - (studyCreated.get(b) ?? 0));
  return { quotes, codeRows, studyOrder };
}

/**
 * The quotes browser: quotes the actor may see, filtered by code (with the codes below it), guide
 * block, country and expert group. Experts are named by pseudonym and country, in `lang`.
 */
export async function listQuotes(actor: TActor, filters: TQuoteFilters = {}): Promise<{ quotes: TQuoteView[] }> {
  interviewScope(actor);
  const data = parseInput(ZQuoteFilters, filters, "The filters are not valid.");
  const { quotes } = await findQuotes(actor, data, data.lang ?? actor.language);
  return {
    quotes: quotes.map((q) => ({
      id: q.id,
      text: q.text,
      attribution: q.attribution,
      pseudonym: q.pseudonym,
      country: q.country,
      expertGroup: q.expertGroup,
      interviewId: q.interviewId,
      questionCode: q.questionCode,
      blockCode: q.blockCode,
      codes: q.codes,
    })),
  };
}

/**
 * The same quotes as a file, grouped by code in tree order (a quote appears under each of its
 * codes; quotes without codes come last). CSV or Markdown, in `lang`.
 */
export async function exportQuotes(actor: TActor, query: TQuoteExport): Promise<{ filename: string; contentType: string; body: string }> {
  interviewScope(actor);
  const data = parseInput(ZQuoteExport, query, "The export options are not valid.");
  const lang: TLang = data.lang ?? actor.language;
  const { quotes, codeRows, studyOrder } = await findQuotes(actor, data, lang);
  const groups: TExportGroup[] = [];
  const toExport = (q: TFound) => ({
    text: q.text,
    pseudonym: q.pseudonym,
    country: q.country,
    expertGroup: q.expertGroup,
    blockCode: q.blockCode,
    questionCode: q.questionCode,
    interviewId: q.interviewId,
  });
  for (const studyId of studyOrder) {
    const ofStudy = quotes.filter((q) => q.studyId === studyId);
    for (const { node, path } of flattenTree(buildTree(codeRows.get(studyId) ?? []))) {
      const tagged = ofStudy.filter((q) => q.codeIds.includes(node.id));
      if (tagged.length) groups.push({ code: node.code, path: pathName(path, lang), quotes: tagged.map(toExport) });
    }
  }
  const uncoded = quotes.filter((q) => q.codeIds.length === 0);
  if (uncoded.length) groups.push({ code: "", path: uncodedName(lang), quotes: uncoded.map(toExport) });
  const day = new Date().toISOString().slice(0, 10);
  return data.format === "md"
    ? { filename: `quotes-${day}.md`, contentType: "text/markdown; charset=utf-8", body: quotesMarkdown(groups, lang) }
    : { filename: `quotes-${day}.csv`, contentType: "text/csv; charset=utf-8", body: quotesCsv(groups, lang) };
}
