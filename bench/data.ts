/** `npm run bench:data -- --scale province|national [--seed N]`: makes the benchmark database afresh. */
import { benchArgs } from "./args.ts";
import { benchTarget, freshDatabase } from "./db.ts";
import { loadDataset } from "./load.ts";

const args = benchArgs(process.argv.slice(2));
const target = benchTarget();
const database = await freshDatabase(target);
const log = (line: string) => process.stdout.write(`${line}\n`);
log(`bench:data ${args.scale} seed ${args.seed} → ${target.url ?? `PGlite ${target.dataDir}`}`);
const stats = await loadDataset(database, args.scale, args.seed, log);
log(
  `${stats.units} units, ${stats.reports} reports, ${stats.values.toLocaleString("en")} values in ` +
    `${stats.seconds.toFixed(1)} s (values ${Math.round(stats.values / stats.valueSeconds).toLocaleString("en")}/s)`,
);
await database.close();
