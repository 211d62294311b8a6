// One contender of src/db/lock.test.ts's race: waits for the go file, tries the lock, says
// whether it holds it, keeps it until the release file appears, then lets it go.
import { existsSync } from "node:fs";
import { acquireDataDirLock } from "../src/db/lock.ts";

const [dir = "", go = "", done = ""] = process.argv.slice(2);
process.stdout.write("ready\n");
while (!existsSync(go)) {
  // spin: both contenders leave the starting line within microseconds of each other
}
let release: (() => void) | null = null;
try {
  release = acquireDataDirLock(dir);
  process.stdout.write("held\n");
} catch {
  process.stdout.write("locked\n");
}
const wait = setInterval(() => {
  if (!existsSync(done)) return;
  clearInterval(wait);
  release?.();
}, 5);
