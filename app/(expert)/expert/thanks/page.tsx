import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LiteMessages } from "@/components/layout/lite-messages";
import { AnswerSummary } from "@/components/questionnaire/answer-summary";
import { requirePageActor } from "@/lib/auth/actor";
import { getOwnAnswers } from "@/lib/responses/service";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";

export const generateMetadata = pageMetadata("thanks");

export default async function ThanksPage() {
  const actor = await requirePageActor("EXPERT", "/expert/thanks");
  const [own, t, locale] = await Promise.all([getOwnAnswers(actor), getTranslations("expertFlow"), getLocale()]);
  if (own.status !== "SUBMITTED") redirect("/expert/questionnaire");
  const lang = languageOf(locale);
  return (
    <LiteMessages namespaces={["questionnaire"]}>
      <h1>{t("thanksTitle")}</h1>
      <p>{t("thanksBody")}</p>
      <details className="card">
        <summary>{t("yourAnswers")}</summary>
        <AnswerSummary definition={own.definition} answers={own.answers} lang={lang} />
      </details>
    </LiteMessages>
  );
}
