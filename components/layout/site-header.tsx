import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { isLanguage, type TLanguage } from "@/lib/i18n/config";

export async function SiteHeader() {
  const [actor, t, locale] = await Promise.all([getActor().catch(() => null), getTranslations("common"), getLocale()]);
  return (
    <header className="site-header">
      <Link className="brand" href="/">
        {t("appName")}
      </Link>
      <div className="tools">
        <LanguageSwitcher
          current={isLanguage(locale) ? locale : "ru"}
          label={t("language")}
          names={{ ru: t("languageNames.ru"), en: t("languageNames.en") } satisfies Record<TLanguage, string>}
        />
        {actor && (
          <>
            <span className="muted role-name">
              {actor.role === "EXPERT" ? t("roles.EXPERT") : `${actor.name} · ${t(`roles.${actor.role}`)}`}
            </span>
            <SignOutButton label={t("signOut")} />
          </>
        )}
      </div>
    </header>
  );
}
