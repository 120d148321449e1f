import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { DEFAULT_LANGUAGE, LANGUAGE_COOKIE, fromAcceptLanguage, isLanguage, type TLanguage } from "@/lib/i18n/config";

/**
 * The interface language: the visitor's explicit choice (cookie), else a signed-in user's saved
 * language, else the browser's, else Russian, the working language of the study.
 */
async function resolveLanguage(): Promise<TLanguage> {
  const chosen = (await cookies()).get(LANGUAGE_COOKIE)?.value;
  if (isLanguage(chosen)) return chosen;
  const actor = await getActor().catch(() => null);
  if (actor) return actor.language;
  return fromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LANGUAGE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLanguage();
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages, timeZone: "UTC" };
});
