import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/sessions";
import type { TLanguage } from "@/lib/i18n/config";

/** Saves the acting user's own interface language; nobody else's row can be touched. */
export async function setOwnLanguage(actor: TActor, language: TLanguage): Promise<void> {
  await db().user.update({ where: { id: actor.userId }, data: { language } });
}
