import "server-only";
import { db } from "@/lib/db";
import type { TText } from "@/lib/i18n/text";

/**
 * The bilingual titles of instrument versions (their definitions' `title`), read without the rest
 * of the content, so lists can name an instrument in the page's language.
 */
export async function versionTitles(versionIds: string[]): Promise<Map<string, TText>> {
  if (versionIds.length === 0) return new Map();
  const ids = [...new Set(versionIds)];
  const rows = await db().$queryRaw<Array<{ id: string; title: TText | null }>>`
    SELECT id::text AS id, content->'title' AS title FROM "InstrumentVersion" WHERE id::text = ANY(${ids})`;
  return new Map(rows.flatMap((r) => (r.title && typeof r.title === "object" ? [[r.id, r.title] as const] : [])));
}
