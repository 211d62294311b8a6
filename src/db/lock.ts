import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors/app-error.ts";

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Data directories this process holds, so a lock with our own pid is told apart from a stale one. */
const heldHere = new Set<string>();

/**
 * PGlite has no cross-process lock: two processes on one data directory corrupt it.
 * We hold `chiso.lock` (with our pid) for as long as the database is open; a lock left by a
 * process that no longer runs is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const path = join(dataDir, "chiso.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(path);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(path);
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(path, "utf8"), 10);
      const ours = holder === process.pid;
      if (Number.isFinite(holder) && (ours ? heldHere.has(path) : processAlive(holder))) {
        throw new AppError("DATA_DIR_LOCKED", { dataDir, pid: holder });
      }
      unlinkSync(path);
    }
  }
  throw new AppError("DATA_DIR_LOCKED", { dataDir });
}
