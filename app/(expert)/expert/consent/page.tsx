import { getLocale, getTranslations } from "next-intl/server";
import { ConsentForm } from "@/components/expert/consent-form";
import { StudyClosed } from "@/components/expert/study-closed";
import { ClientMessages } from "@/components/layout/client-messages";
import { requirePageActor } from "@/lib/auth/actor";
import { pick } from "@/lib/i18n/text";
import { getQuestionnaireState } from "@/lib/responses/service";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";

export const generateMetadata = pageMetadata("consent");

export default async function ConsentPage() {
  const actor = await requirePageActor("EXPERT", "/expert/consent");
  const [state, t, locale] = await Promise.all([getQuestionnaireState(actor), getTranslations("expertFlow"), getLocale()]);
  const lang = languageOf(locale);
  if (state.closed && !state.consent.accepted) return <StudyClosed wave={state.studyClosed ? null : state.wave} />;
  return (
    <ClientMessages namespaces={["expertFlow"]}>
      <div className="card stack" style={{ maxWidth: "44rem", margin: "0 auto" }}>
        <h1>{t("consentTitle")}</h1>
        <div className="consent-text">
          {(pick(state.consent.text ?? undefined, lang) || t("consentMissing")).split("\n").map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
        {state.consent.accepted ? <p className="alert success">{t("consentAccepted")}</p> : <ConsentForm textVersion={state.consent.version} lang={lang} />}
      </div>
    </ClientMessages>
  );
}
