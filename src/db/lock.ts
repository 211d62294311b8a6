import { linkSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
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

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;

function readHolder(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch (error) {
    if (errno(error) === "ENOENT") return null;
    throw error;
  }
}

/**
 * Puts our pid at `path` in one step: the pid is written to a file of our own, which is then
 * hard-linked to the lock's name. link() fails if the name exists, so the lock is never seen
 * without its pid and only one process can create it.
 */
function linkOurs(path: string): boolean {
  const mine = `${path}.${process.pid}.tmp`;
  writeFileSync(mine, String(process.pid));
  try {
    linkSync(mine, path);
    return true;
  } catch (error) {
    if (errno(error) === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(mine);
  }
}

/**
 * Replaces a lock whose holder `stalePid` died, under a takeover mutex (mkdir is atomic): only
 * one process re-reads, removes and re-creates it, so two processes finding one stale lock at
 * once cannot both end up holding it.
 */
function takeOver(path: string, stalePid: number | null): boolean {
  const mutex = `${path}.takeover`;
  try {
    mkdirSync(mutex);
  } catch (error) {
    if (errno(error) !== "EEXIST") throw error;
    // Another process is taking over; if it died doing so, its mutex is cleared for next time.
    const owner = readHolder(join(mutex, "pid"));
    if (owner !== null && !processAlive(owner)) rmSync(mutex, { recursive: true, force: true });
    return false;
  }
  try {
    writeFileSync(join(mutex, "pid"), String(process.pid));
    if (readHolder(path) !== stalePid) return false;
    try {
      unlinkSync(path);
    } catch (error) {
      if (errno(error) !== "ENOENT") throw error;
    }
    return linkOurs(path);
  } finally {
    rmSync(mutex, { recursive: true, force: true });
  }
}

/**
 * PGlite has no cross-process lock: two processes on one data directory corrupt it.
 * We hold `chiso.lock` (with our pid) for as long as the database is open; a lock left by a
 * process that no longer runs is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const path = join(dataDir, "chiso.lock");
  const acquired = () => {
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
  };
  if (linkOurs(path)) return acquired();
  const holder = readHolder(path);
  const ours = holder === process.pid;
  if (holder !== null && (ours ? heldHere.has(path) : processAlive(holder))) {
    throw new AppError("DATA_DIR_LOCKED", { dataDir, pid: holder });
  }
  if (takeOver(path, holder)) return acquired();
  throw new AppError("DATA_DIR_LOCKED", { dataDir, pid: readHolder(path) ?? "?" });
}
