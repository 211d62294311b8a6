import { readFileSync } from "node:fs";

/** chiso's version, from its package.json. */
export const chisoVersion: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;
