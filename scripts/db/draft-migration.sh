#!/usr/bin/env bash
# Drafts the SQL for a new migration from the change to prisma/schema.prisma since the last
# migration was added (or since git HEAD), without Prisma's native engine:
#   scripts/db/draft-migration.sh add_responses
# It runs Prisma 6.19.3's CLI with its WebAssembly schema engine in a scratch folder (Prisma 7's CLI
# needs a native engine that cannot be downloaded here). Review the SQL before committing it; the
# migration-drift test then proves the migrated database matches the schema.
set -euo pipefail
name=${1:?usage: draft-migration.sh NAME}
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${DRAFT_MIGRATION_DIR:-/tmp/expert-panel-prisma6}
server=${DRAFT_MIGRATION_DB:-postgresql://postgres@127.0.0.1:5432/postgres}
base=${DRAFT_MIGRATION_BASE:-HEAD}

mkdir -p "$scratch"
if [ ! -d "$scratch/node_modules/prisma" ]; then
  (cd "$scratch" && echo '{"private":true}' > package.json && npm install --silent prisma@6.19.3 @prisma/adapter-pg@6.19.3 pg >/dev/null)
fi
cat > "$scratch/prisma.config.ts" <<TS
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "new.prisma",
  async adapter() { return new PrismaPg({ connectionString: "$server" }); },
} as never);
TS
# Prisma 6 wants a url in the datasource and the classic generator.
to_prisma6() { sed -e 's|provider = "postgresql"|provider = "postgresql"\n  url = env("DATABASE_URL")|' -e '/^\s*output\s*=/d' -e '/^\s*moduleFormat\s*=/d' -e 's|"prisma-client"|"prisma-client-js"|'; }
git -C "$root" show "$base:prisma/schema.prisma" | to_prisma6 > "$scratch/old.prisma"
to_prisma6 < "$root/prisma/schema.prisma" > "$scratch/new.prisma"

dir="$root/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
(cd "$scratch" && DATABASE_URL="$server" PRISMA_QUERY_ENGINE_LIBRARY=$(command -v node) PRISMA_SCHEMA_ENGINE_BINARY=$(command -v node) \
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING=1 npx prisma migrate diff --from-schema-datamodel old.prisma --to-schema-datamodel new.prisma --script) \
  | grep -v '^-- CreateSchema$' | grep -v 'CREATE SCHEMA IF NOT EXISTS "public";' | cat -s > "$dir/migration.sql"
echo "Wrote $dir/migration.sql:"
cat "$dir/migration.sql"
