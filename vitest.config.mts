import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests live beside the code they test: `x.test.ts` needs nothing running; `x.integration.test.ts`
// needs DATABASE_URL (a migrated database made for this run) and TEST_SERVER_URL (a maintenance
// database on the same server, for scratch databases). `npm test` (scripts/test.ts) provides both.
const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // lib/ modules are marked server-only for Next's bundler; tests run them on the server too.
      "server-only": path.join(root, "lib/testing/server-only-noop.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["{lib,scripts,prisma}/**/*.test.ts"], exclude: ["**/*.integration.test.ts", "**/node_modules/**"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{lib,scripts,prisma}/**/*.integration.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
