import type { TDb } from "@/lib/db/types";
import type { TText } from "@/lib/i18n/text";

/*
 * The instrument domain's SQL, all of it (the rest of lib/instrument goes through Prisma's query
 * builder). Each statement takes the client it runs on, usually the caller's transaction.
 */

/** Locks an instrument's row: its versions and waves change one after another. */
export async function lockInstrument(tx: TDb, instrumentId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Instrument" WHERE "id" = ${instrumentId}::uuid FOR UPDATE`;
}

/** Locks one version's row (a draft saved and published at the same moment are checked in turn). */
export async function lockVersionRow(tx: TDb, versionId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "InstrumentVersion" WHERE "id" = ${versionId}::uuid FOR UPDATE`;
}

/** Locks one wave's row. */
export async function lockWave(tx: TDb, waveId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Wave" WHERE "id" = ${waveId}::uuid FOR UPDATE`;
}

/** The `title` of each version's definition, without the rest of its content. */
export function versionTitleRows(client: TDb, ids: string[]): Promise<Array<{ id: string; title: TText | null }>> {
  return client.$queryRaw<Array<{ id: string; title: TText | null }>>`
    SELECT id::text AS id, content->'title' AS title FROM "InstrumentVersion" WHERE id::text = ANY(${ids})`;
}
