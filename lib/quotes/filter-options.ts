import "server-only";
import type { TActor } from "@/lib/auth/sessions";
import { listCodes } from "@/lib/codebook/service";
import { flattenTree, type TCodeNode } from "@/lib/codebook/tree";
import { getVersion } from "@/lib/instrument/service";
import { ZGuide, type TGuide } from "@/lib/instrument/definition";
import { pick, type TLang } from "@/lib/i18n/text";
import { getInterview, listInterviews, listOwnInterviews } from "@/lib/interviews/service";
import { listQuotes } from "@/lib/quotes/service";
import type { TQuoteFilters } from "@/lib/quotes/schemas";
import { listStudies } from "@/lib/study/service";

export type TCodeOption = { id: string; label: string; depth: number };
export type TCodeGroup = { label: string | null; codes: TCodeOption[] };
export type TBlockOption = { code: string; label: string };

function codeOptions(codes: readonly TCodeNode[], lang: TLang): TCodeOption[] {
  return flattenTree(codes).map(({ node, depth }) => ({ id: node.id, depth, label: `${node.code} — ${lang === "ru" ? node.nameRu || node.nameEn : node.nameEn || node.nameRu}` }));
}

function blockOptions(guides: readonly TGuide[], lang: TLang): TBlockOption[] {
  const seen = new Map<string, string>();
  for (const g of guides) for (const b of g.blocks) if (!seen.has(b.code)) seen.set(b.code, `${b.code}. ${pick(b.title, lang)}`);
  return [...seen].map(([code, label]) => ({ code, label }));
}

/**
 * What the quotes browser's filters offer: the codebooks and guide blocks of the studies the actor
 * works on. A coordinator sees every study's; an interviewer those of their own interviews (read
 * through the same scoped services as everything else).
 */
export async function quoteFilterOptions(actor: TActor, lang: TLang): Promise<{ codeGroups: TCodeGroup[]; blocks: TBlockOption[] }> {
  if (actor.role === "COORDINATOR") {
    const [studies, { interviews }] = await Promise.all([listStudies(actor), listInterviews(actor)]);
    const codeGroups = await Promise.all(
      studies.map(async (s) => ({ label: studies.length > 1 ? (lang === "en" ? s.titleEn : s.titleRu) : null, codes: codeOptions((await listCodes(actor, s.id)).codes, lang) })),
    );
    const versionIds = [...new Set(interviews.map((i) => i.guide.versionId))];
    const guides = (await Promise.all(versionIds.map((id) => getVersion(actor, id).catch(() => null))))
      .map((v) => (v ? ZGuide.safeParse(v.content) : null))
      .flatMap((r) => (r?.success ? [r.data] : []));
    return { codeGroups: codeGroups.filter((g) => g.codes.length > 0), blocks: blockOptions(guides, lang) };
  }
  const { interviews } = await listOwnInterviews(actor);
  // One interview per guide tells its study's codebook and the guide's blocks.
  const firstOfGuide = [...new Map(interviews.map((i) => [i.guideName, i.id])).values()];
  const details = await Promise.all(firstOfGuide.map((id) => getInterview(actor, id)));
  const byStudy = new Map(details.map((d) => [d.studyId, d.codes]));
  const codeGroups = [...byStudy.values()].map((codes) => ({ label: null, codes: codeOptions(codes, lang) })).filter((g) => g.codes.length > 0);
  return { codeGroups, blocks: blockOptions(details.map((d) => d.guide.definition), lang) };
}

/** The quotes page's data for either role: the quotes its filters select and what the filters offer. */
export async function quotesPageData(actor: TActor, filters: TQuoteFilters, lang: TLang) {
  const [{ quotes }, options] = await Promise.all([listQuotes(actor, { ...filters, lang }), quoteFilterOptions(actor, lang)]);
  return { quotes, ...options };
}
