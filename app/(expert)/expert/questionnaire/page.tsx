import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { LiteMessages } from "@/components/layout/lite-messages";
import { ExpertQuestionnaire } from "@/components/questionnaire/expert-questionnaire";
import { StudyClosed } from "@/components/expert/study-closed";
import { requirePageActor } from "@/lib/auth/actor";
import { pick } from "@/lib/i18n/text";
import { getQuestionnaireState } from "@/lib/responses/service";
import { getExpertFeedback } from "@/lib/delphi/expert";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";

export const generateMetadata = pageMetadata("questionnaire");

export default async function QuestionnairePage() {
  const actor = await requirePageActor("EXPERT", "/expert/questionnaire");
  const [state, locale] = await Promise.all([getQuestionnaireState(actor), getLocale()]);
  if (state.closed && state.questionnaire?.status !== "SUBMITTED") return <StudyClosed wave={state.studyClosed ? null : state.wave} />;
  if (!state.consent.accepted) redirect("/expert/consent");
  const q = state.questionnaire;
  if (!q) redirect("/expert");
  if (q.status === "SUBMITTED") redirect("/expert/thanks");
  const lang = languageOf(locale);
  const delphi = state.wave?.kind === "DELPHI_ROUND" ? await getExpertFeedback(actor) : null;
  return (
    <LiteMessages namespaces={["questionnaire", "answers", "expertFlow"]}>
      <h1>{pick(q.definition.title, lang)}</h1>
      <ExpertQuestionnaire userId={actor.userId} versionId={q.versionId} definition={q.definition} optionOrder={q.optionOrder} server={q.answers} lang={lang} delphi={delphi} />
    </LiteMessages>
  );
}
