import { publicRoutes } from "@/lib/api/public-contract";
import { route } from "@/lib/route/handler";
import { reply } from "@/lib/http/reply";
import { LANGUAGE_COOKIE } from "@/lib/i18n/config";
import { setOwnLanguage } from "@/lib/users/preferences";

export const POST = route(publicRoutes.locale, async ({ actor, body }) => {
  if (actor) await setOwnLanguage(actor, body.language);
  return reply(
    { language: body.language },
    { finish: (res) => res.cookies.set(LANGUAGE_COOKIE, body.language, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 }) },
  );
});
