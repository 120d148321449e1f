import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "@/lib/testing/db";
import { findSchemaDrift, loadDatamodel, type TDatamodel } from "@/lib/testing/schema-drift";

// prisma/migrations alone must build exactly the database prisma/schema.prisma describes: Prisma
// Client is generated from the schema, but production only ever runs the migrations.

const SCHEMA_PATH = path.resolve(__dirname, "schema.prisma");

describe("migrations and schema.prisma", () => {
  let datamodel: TDatamodel;
  const drops: Array<() => Promise<void>> = [];

  /** A fresh database with every migration applied, dropped after the suite. */
  async function migratedDatabase(): Promise<string> {
    const db = await createScratchDatabase({ migrated: true });
    drops.push(db.drop);
    return db.url;
  }

  beforeAll(async () => {
    datamodel = await loadDatamodel(SCHEMA_PATH);
  });

  afterAll(async () => {
    await Promise.all(drops.map((drop) => drop()));
  });

  it("build the same tables, columns, keys, indexes and enums", async () => {
    const problems = await findSchemaDrift(datamodel, await migratedDatabase());
    expect(problems).toEqual([]);
  });

  // Guards against a checker that cannot fail.
  it("are reported as drifted after the database is changed behind the schema's back", async () => {
    const url = await migratedDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`
        ALTER TABLE "User" ALTER COLUMN "name" DROP NOT NULL;
        DROP INDEX "AuthSession_userId_idx";
        ALTER TABLE "Study" ADD COLUMN "extra" int;`);
    } finally {
      await client.end();
    }

    const problems = await findSchemaDrift(datamodel, url);

    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`column "User"."name": schema says NOT NULL, database allows NULL`),
        expect.stringContaining(`"AuthSession_userId_idx" on "AuthSession"("userId"): declared in the schema, missing`),
        expect.stringContaining(`column "Study"."extra": in the database, not in the schema`),
      ]),
    );
  });
});
