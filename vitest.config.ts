import { defineConfig } from "vitest/config";

const dbTests = {
  include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  exclude: ["src/domain/**", "node_modules/**"],
  globalSetup: ["test/global-setup.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

// The pure domain core runs once; every database test runs on PGlite, and again on the
// PostgreSQL server when TEST_DATABASE_URL is set.
const projects = [
  { test: { name: "domain", include: ["src/domain/**/*.test.ts"] } },
  { test: { ...dbTests, name: "pglite", env: { CHISO_TEST_ENGINE: "pglite" } } },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({ test: { ...dbTests, name: "postgresql", env: { CHISO_TEST_ENGINE: "postgresql" } } });
}

export default defineConfig({ test: { projects, pool: "forks" } });
