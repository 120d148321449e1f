// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { migrate } from "../../lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: it must name the database to migrate.");
  process.exit(1);
}
migrate(url, { log: console.log })
  .then(({ applied }) => console.log(applied.length ? `${applied.length} migration(s) applied.` : "Database is up to date."))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
