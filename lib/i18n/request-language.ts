import type { NextRequest } from "next/server";
import type { TActor } from "@/lib/auth/sessions";
import { LANGUAGE_COOKIE, isLanguage, type TLanguage } from "@/lib/i18n/config";

/** The language of a request's output: the one asked for, else the interface language chosen (cookie), else the user's. */
export function requestLanguage(req: NextRequest, actor: TActor, asked?: TLanguage): TLanguage {
  if (asked) return asked;
  const chosen = req.cookies.get(LANGUAGE_COOKIE)?.value;
  return isLanguage(chosen) ? chosen : actor.language;
}
