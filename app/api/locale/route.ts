import { NextResponse } from "next/server";
import { z } from "zod";
import { publicRoute } from "@/lib/http/handler";
import { LANGUAGE_COOKIE, LANGUAGES } from "@/lib/i18n/config";
import { setOwnLanguage } from "@/lib/users/preferences";

export const POST = publicRoute({ body: z.object({ language: z.enum(LANGUAGES) }) }, async ({ actor, body }) => {
  if (actor) await setOwnLanguage(actor, body.language);
  const res = NextResponse.json({ language: body.language });
  res.cookies.set(LANGUAGE_COOKIE, body.language, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });
  return res;
});
