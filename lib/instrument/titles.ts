import "server-only";
import { db } from "@/lib/db";
import type { TText } from "@/lib/i18n/text";
import { versionTitleRows } from "@/lib/instrument/sql";

/**
 * The bilingual titles of instrument versions (their definitions' `title`), read without the rest
 * of the content, so lists can name an instrument in the page's language.
 */
export async function versionTitles(versionIds: string[]): Promise<Map<string, TText>> {
  if (versionIds.length === 0) return new Map();
  const ids = [...new Set(versionIds)];
  const rows = await versionTitleRows(db(), ids);
  return new Map(rows.flatMap((r) => (r.title && typeof r.title === "object" ? [[r.id, r.title] as const] : [])));
}
