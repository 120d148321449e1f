import { randomUUID } from "node:crypto";
import type { TDb } from "@/lib/db/types";
import type { TText } from "@/lib/i18n/text";

/** One code of a thematic codebook; `children` refine it. */
export type TCodebookEntry = { code: string; name: TText; description: TText; children?: TCodebookEntry[] };

/**
 * Inserts a codebook tree into a study, parents before children, each level in the given order.
 * For seeding (the demo study, tests): call inside the seeding transaction.
 */
export async function seedCodebook(tx: TDb, studyId: string, entries: readonly TCodebookEntry[]): Promise<{ count: number }> {
  const rows: Array<{
    id: string;
    studyId: string;
    parentId: string | null;
    code: string;
    nameRu: string;
    nameEn: string;
    descriptionRu: string;
    descriptionEn: string;
    position: number;
  }> = [];
  const walk = (list: readonly TCodebookEntry[], parentId: string | null) => {
    list.forEach((entry, position) => {
      const id = randomUUID();
      rows.push({
        id,
        studyId,
        parentId,
        code: entry.code,
        nameRu: entry.name.ru,
        nameEn: entry.name.en,
        descriptionRu: entry.description.ru,
        descriptionEn: entry.description.en,
        position,
      });
      walk(entry.children ?? [], id);
    });
  };
  walk(entries, null);
  // One statement; its rows are in tree order, so every parent precedes its children.
  if (rows.length) await tx.themeCode.createMany({ data: rows });
  return { count: rows.length };
}
