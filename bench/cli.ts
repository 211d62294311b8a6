/**
 * The command line on the embedded database (issue 12.6): one `chiso export` of a district's
 * month, a whole process each time, against the floor any such command pays — a Node process
 * that opens the same data directory with PGlite (same small buffer pool) and runs one query.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { FORM, type Tree } from "./dataset.ts";
import type { Target } from "./db.ts";
import { type Timing, time } from "./measure.ts";

const run = promisify(execFile);
const chiso = new URL("../bin/chiso.js", import.meta.url).pathname;

export interface CliResult {
  command: string;
  chiso: Timing;
  floor: Timing;
  /** chiso p50 / floor p50: what chiso adds to opening the database. */
  ratio: number;
}

// The floor as its own script: PGlite loaded and started as the CLI does it, nothing else.
const floorScript = `
const { PGlite } = await import(${JSON.stringify(import.meta.resolve("@electric-sql/pglite"))});
const db = await PGlite.create({ dataDir: process.argv[1], startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] });
await db.query("select count(*) from units");
await db.close();
`;

/** Only on PGlite: on a server the CLI's start is a connection, not a database start. */
export async function cliStartup(target: Target, tree: Tree, runs = 5): Promise<CliResult | null> {
  if (target.url) return null;
  // Checked here so a PGlite upgrade that renames its start parameters fails the bench loudly.
  if (!Array.isArray(PGlite.defaultStartParams)) throw new Error("PGlite.defaultStartParams is gone");
  const district = tree.districts[0] ?? tree.root;
  const args = [chiso, "export", "--data-set", FORM, "--period", "202512", "--unit", district, "--children"];
  const env = { ...process.env, CHISO_DATA_DIR: target.dataDir };
  const chisoTime = await time(() => run(process.execPath, [...args, "-o", "/dev/null"], { env }), runs, 1);
  const floor = await time(
    () => run(process.execPath, ["--input-type=module", "-e", floorScript, target.dataDir]),
    runs,
    1,
  );
  return {
    command: `chiso export --data-set ${FORM} --period 202512 --unit ${district} --children`,
    chiso: chisoTime,
    floor,
    ratio: chisoTime.p50 / floor.p50,
  };
}
