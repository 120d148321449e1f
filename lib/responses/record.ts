import "server-only";
import { assertRole } from "@/lib/auth/roles";
import type { TActor } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TAnswerValue } from "@/lib/instrument/answers";
import { formatAnswer } from "@/lib/instrument/format-answer";
import { pick, type TLang } from "@/lib/i18n/text";
import { assertId } from "@/lib/http/input";
import { publishedQuestionnaire } from "@/lib/instrument/published";
import { coordinatedBy } from "@/lib/study/access";

/**
 * One expert's record for the coordinators of their study (read-only): every response the expert
 * has (there may be several: waves), oldest first, each with its version, status and times, its
 * answers section by section with the item's text, how many times each was saved and when last;
 * and every consent decision with the version of the text it was given on. 404 for anyone else.
 */

export type TRecordItem = { code: string; text: string; answer: string | null; revisions: number; savedAt: Date | null };
export type TRecordResponse = {
  id: string;
  status: "IN_PROGRESS" | "SUBMITTED";
  startedAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  /** The instrument by its name, and by its title in the page's language. */
  version: { number: number; instrument: string; title: string; contentHash: string | null };
  sections: Array<{ code: string; title: string; items: TRecordItem[] }>;
};

export async function getExpertRecord(actor: TActor, expertId: string, lang: TLang, labels: { cannotAssess: string }) {
  assertRole(actor, "COORDINATOR");
  assertId(expertId, "The expert");
  const expert = await db().expert.findFirst({
    where: { id: expertId, study: coordinatedBy(actor) },
    select: {
      id: true,
      pseudonym: true,
      studyId: true,
      user: { select: { name: true } },
      study: { select: { consentVersion: true } },
      consents: { select: { id: true, decision: true, textVersion: true, language: true, decidedAt: true }, orderBy: { decidedAt: "asc" } },
      responses: {
        select: {
          id: true,
          status: true,
          startedAt: true,
          updatedAt: true,
          submittedAt: true,
          version: { select: { id: true, number: true, content: true, contentHash: true, instrument: { select: { name: true } } } },
          answers: { select: { itemCode: true, value: true, revision: true, updatedAt: true } },
        },
        orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!expert) throw notFound("The expert");
  const responses = expert.responses.map((r): TRecordResponse => {
    const definition = publishedQuestionnaire(r.version.id, r.version.content);
    const answers = new Map(r.answers.map((a) => [a.itemCode, a]));
    return {
      id: r.id,
      status: r.status,
      startedAt: r.startedAt,
      updatedAt: r.updatedAt,
      submittedAt: r.submittedAt,
      version: { number: r.version.number, instrument: r.version.instrument.name, title: pick(definition.title, lang) || r.version.instrument.name, contentHash: r.version.contentHash },
      sections: definition.sections.map((s) => ({
        code: s.code,
        title: pick(s.title, lang),
        items: s.items
          .filter((i) => i.type !== "display")
          .map((i) => {
            const a = answers.get(i.code);
            return { code: i.code, text: pick(i.text, lang), answer: a ? formatAnswer(i, a.value as TAnswerValue, lang, labels.cannotAssess) : null, revisions: a?.revision ?? 0, savedAt: a?.updatedAt ?? null };
          }),
      })),
    };
  });
  return { id: expert.id, pseudonym: expert.pseudonym, name: expert.user.name, studyId: expert.studyId, currentConsentVersion: expert.study.consentVersion, consents: expert.consents, responses };
}
