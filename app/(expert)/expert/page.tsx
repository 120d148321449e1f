import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { getOwnExpertProfile } from "@/lib/panel/service";
import { getQuestionnaireState } from "@/lib/responses/service";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("participation");

export default async function ExpertHomePage() {
  const actor = await requirePageActor("EXPERT", "/expert");
  const [profile, state, t, flow, common, locale] = await Promise.all([
    getOwnExpertProfile(actor),
    getQuestionnaireState(actor),
    getTranslations("expert"),
    getTranslations("expertFlow"),
    getTranslations("common"),
    getLocale(),
  ]);
  const studies = await getTranslations("studies");
  const pseudonym = common("expertPseudonym", { n: profile.pseudonym });
  const q = state.questionnaire;
  // A later wave (round) open to the expert: said on their start page, with its closing date if any.
  const laterWave = state.wave && state.wave.number > 1 && state.wave.open ? state.wave : null;
  const closing = laterWave?.closesAt ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(laterWave.closesAt) : null;
  const round = laterWave?.kind === "DELPHI_ROUND";
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p>{t("welcome", { pseudonym })}</p>
      <dl className="card facts">
        <dt>{t("study")}</dt>
        <dd>{locale === "en" ? profile.study.titleEn : profile.study.titleRu}</dd>
        <dt>{t("country")}</dt>
        <dd>{common(`countries.${profile.country}` as "countries.RU")}</dd>
        <dt>{t("group")}</dt>
        <dd>{common(`groups.${profile.expertGroup}`)}</dd>
      </dl>
      {laterWave && (
        <div className="card stack" data-testid="wave-open">
          <h2>
            {closing
              ? flow(round ? "roundOpenUntil" : "waveOpenUntil", { n: laterWave.number, date: closing })
              : flow(round ? "roundOpen" : "waveOpen", { n: laterWave.number })}
          </h2>
          <p>{flow("waveIntro")}</p>
        </div>
      )}
      <div className="card stack">
        {state.closed && q?.status !== "SUBMITTED" ? (
          <p>{state.studyClosed || !state.wave ? studies("closedBody") : `${studies(state.wave.kind === "DELPHI_ROUND" ? "roundClosedTitle" : "waveClosedTitle", { n: state.wave.number })}. ${studies("waveClosedBody")}`}</p>
        ) : !q ? (
          <p>{flow("notOpen")}</p>
        ) : !state.consent.accepted ? (
          <>
            <p>{state.consent.declined ? flow("declinedNote") : flow("consentFirst")}</p>
            <p>
              <Link className="button" href="/expert/consent">
                {flow("readConsent")}
              </Link>
            </p>
          </>
        ) : q.status === "SUBMITTED" ? (
          <>
            <p>{flow("submittedNote")}</p>
            <p>
              <Link className="button" href="/expert/thanks">
                {flow("viewAnswers")}
              </Link>
            </p>
          </>
        ) : (
          <p>
            <Link className="button" href="/expert/questionnaire">
              {q.status === "NOT_STARTED" ? flow("start") : flow("continue")}
            </Link>
          </p>
        )}
      </div>
      <p className="muted">{t("privacy")}</p>
    </div>
  );
}
