import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      // Same mapping as tsconfig's paths, so imports read the same in app and tests.
      "@": root,
      "server-only": path.join(root, "tests/fixtures/server-only.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Builds the migrated database once; each file then copies it (tests/integration/db.ts).
          globalSetup: ["tests/integration/global-setup.ts"],
          // argon2 hashing and booting PGlite take seconds each.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Restarts the PostgreSQL server: run alone, after the integration suite, never beside it
          // (.ci/run). Needs DATABASE_URL and fails, never skips, without it.
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // Starts the whole topology (tests/topology/setup.ts): two instances, nginx, PgBouncer, primary and
          // replica, on their own ports. Needs a production build and the Debian packages (.ci/run).
          name: "topology",
          include: ["tests/topology/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/topology/setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
