import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import { acquireDataDirLock } from "./lock.ts";

const freshDir = () => mkdtempSync(join(tmpdir(), "chiso-lock-"));

describe("the embedded database's lock file", () => {
  it("refuses a second opener in the same process and frees the directory on release", () => {
    const dir = freshDir();
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(AppError);
    release();
    expect(existsSync(join(dir, "chiso.lock"))).toBe(false);
    acquireDataDirLock(dir)();
  });

  it("refuses while another live process holds it, naming the directory and the pid", async () => {
    const dir = freshDir();
    const other = spawn("sleep", ["30"]);
    try {
      writeFileSync(join(dir, "chiso.lock"), String(other.pid));
      let caught: unknown;
      try {
        acquireDataDirLock(dir);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe("DATA_DIR_LOCKED");
      expect((caught as AppError).messageEn).toContain(`pid ${other.pid}`);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = freshDir();
    const dead = spawn("true");
    await new Promise((resolve) => dead.on("exit", resolve));
    writeFileSync(join(dir, "chiso.lock"), String(dead.pid));
    const release = acquireDataDirLock(dir);
    expect(readFileSync(join(dir, "chiso.lock"), "utf8")).toBe(String(process.pid));
    release();
  });
});
