import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests need nothing running. Integration tests need DATABASE_URL (a migrated database made for
// this run) and TEST_SERVER_URL (a maintenance database on the same server, for scratch databases):
// `npm test` (scripts/test.ts) provides both.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // lib/ modules are marked server-only for Next's bundler; tests run them on the server too.
      "server-only": path.resolve(__dirname, "tests/helpers/server-only-noop.ts"),
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
