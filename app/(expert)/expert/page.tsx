import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";
import { getOwnExpertProfile } from "@/lib/panel/service";

export const metadata: Metadata = { title: "Your participation" };

export default async function ExpertHomePage() {
  const actor = await requirePageActor("EXPERT", "/expert");
  const [profile, t, common, locale] = await Promise.all([
    getOwnExpertProfile(actor),
    getTranslations("expert"),
    getTranslations("common"),
    getLocale(),
  ]);
  const pseudonym = common("expertPseudonym", { n: profile.pseudonym });
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
      <p className="muted">{t("privacy")}</p>
    </div>
  );
}
