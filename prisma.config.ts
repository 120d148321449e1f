import { defineConfig } from "prisma/config";

// `prisma generate` needs no database, so the URL is optional here. Migrations are applied by
// lib/db/migrate.ts, not by the Prisma CLI (its native engine cannot be downloaded offline).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
