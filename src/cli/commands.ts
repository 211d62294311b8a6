import type { ParseArgsConfig } from "node:util";

export interface Command {
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

// Each command loads its own modules when run, so `chiso import` does not start the web server's code.
export const commands: Record<string, Command> = {
  serve: {
    options: { "demo-if-empty": { type: "boolean" } },
    run: async (v) => (await import("./serve.ts")).serve(v),
  },
  migrate: {
    options: { "dry-run": { type: "boolean" } },
    run: async (v) => (await import("./database.ts")).migrate(v),
  },
  demo: { options: {}, run: async () => (await import("./database.ts")).demo() },
  init: {
    options: {
      code: { type: "string" },
      name: { type: "string" },
      "name-en": { type: "string" },
      type: { type: "string" },
      "valid-from": { type: "string" },
      admin: { type: "string" },
      "admin-name": { type: "string" },
      "password-stdin": { type: "boolean" },
    },
    run: async (v) => (await import("./init.ts")).init(v),
  },
  backup: {
    options: { output: { type: "string", short: "o" } },
    run: async (v) => (await import("../backup/cli.ts")).backupCommand(v),
  },
  restore: {
    options: { force: { type: "boolean" } },
    run: async (v, p) => (await import("../backup/cli.ts")).restoreCommand(v, p),
  },
  "migrate-to-postgres": {
    options: { force: { type: "boolean" } },
    run: async (v, p) => (await import("../backup/cli.ts")).migrateToPostgresCommand(v, p),
  },
  "rollups rebuild": { options: {}, run: async () => (await import("../analytics/cli.ts")).rollupsRebuild() },
  "rollups verify": { options: {}, run: async () => (await import("../analytics/cli.ts")).rollupsVerify() },
  "units import": {
    options: { "dry-run": { type: "boolean" } },
    run: async (v, p) => (await import("./units.ts")).unitsImport(v, p),
  },
  "units reform": {
    options: { "dry-run": { type: "boolean" } },
    run: async (v, p) => (await import("./units.ts")).unitsReform(v, p),
  },
  "users import": {
    options: { "dry-run": { type: "boolean" }, links: { type: "string" } },
    run: async (v, p) => (await import("./users.ts")).usersImport(v, p),
  },
  "users password-link": {
    options: { links: { type: "string" } },
    run: async (v, p) => (await import("./users.ts")).usersPasswordLink(v, p),
  },
  "user add": {
    options: {
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string", multiple: true },
      unit: { type: "string", multiple: true },
      "password-stdin": { type: "boolean" },
    },
    run: async (v) => (await import("./user.ts")).userAdd(v),
  },
  import: {
    options: {
      "dry-run": { type: "boolean" },
      partial: { type: "boolean" },
      "data-set": { type: "string" },
      approve: { type: "boolean" },
      reason: { type: "string" },
    },
    run: async (v, p) => (await import("./exchange.ts")).importCommand(v, p),
  },
  export: {
    options: {
      "data-set": { type: "string" },
      period: { type: "string", multiple: true },
      unit: { type: "string", multiple: true },
      children: { type: "boolean" },
      "include-unapproved": { type: "boolean" },
      format: { type: "string" },
      output: { type: "string", short: "o" },
    },
    run: async (v) => (await import("./exchange.ts")).exportCommand(v),
  },
  report: {
    options: {
      plan: { type: "string" },
      period: { type: "string" },
      format: { type: "string" },
      lang: { type: "string" },
      output: { type: "string", short: "o" },
    },
    run: async (v) => (await import("../reports/cli.ts")).reportCommand(v),
  },
  ranking: {
    options: {
      assessment: { type: "string" },
      format: { type: "string" },
      group: { type: "string" },
      output: { type: "string", short: "o" },
    },
    run: async (v) => (await import("../assessments/cli.ts")).rankingCommand(v),
  },
};
