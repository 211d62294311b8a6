import type { ParseArgsConfig } from "node:util";
import { demo, migrate } from "./database.ts";
import { serve } from "./serve.ts";
import { userAdd } from "./user.ts";

export interface Command {
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

export const commands: Record<string, Command> = {
  serve: { options: { "demo-if-empty": { type: "boolean" } }, run: serve },
  migrate: { options: {}, run: migrate },
  demo: { options: {}, run: demo },
  "user add": {
    options: {
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string", multiple: true },
      unit: { type: "string", multiple: true },
      "password-stdin": { type: "boolean" },
    },
    run: userAdd,
  },
};
