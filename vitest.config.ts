import { defineConfig } from "vitest/config";

const dbTests = {
  include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  exclude: ["src/domain/**", "node_modules/**", "test/browser/**"],
  globalSetup: ["test/global-setup.ts"],
  setupFiles: ["test/fixed-clock.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

// The pure domain core runs once; every database test runs on PGlite, and again on the
// PostgreSQL server when TEST_DATABASE_URL is set.
// `*.pg.test.ts` needs the PostgreSQL server (several processes on one database): the PGlite
// project does not even collect it.
const projects = [
  { test: { name: "domain", include: ["src/domain/**/*.test.ts"] } },
  // The web app's pure modules (no DOM, no server): the save queue, the draft rules.
  { test: { name: "web", include: ["web/src/**/*.test.ts"] } },
  {
    test: {
      ...dbTests,
      exclude: [...dbTests.exclude, "**/*.pg.test.ts"],
      name: "pglite",
      env: { CHISO_TEST_ENGINE: "pglite" },
    },
  },
];
// The web application in a real browser (Debian's Chromium through playwright-core), once per
// run: its global setup builds the app if needed and starts a server on a fresh demo database.
projects.push({
  test: {
    name: "browser",
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
} as (typeof projects)[number]);
if (process.env.TEST_DATABASE_URL) {
  projects.push({ test: { ...dbTests, name: "postgresql", env: { CHISO_TEST_ENGINE: "postgresql" } } });
}

export default defineConfig({ test: { projects, pool: "forks" } });
