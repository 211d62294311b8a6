import { type ChildProcess, spawn } from "node:child_process";
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

  it("never lets two processes starting at the same moment both hold it, whether the lock is free or stale", async () => {
    const child = join(import.meta.dirname, "../../test/lock-race-child.ts");
    const lines = (p: ChildProcess) => {
      const seen: string[] = [];
      const waiters: (() => void)[] = [];
      p.stdout?.on("data", (d) => {
        seen.push(...String(d).split("\n").filter(Boolean));
        for (const w of waiters.splice(0)) w();
      });
      return async (n: number) => {
        while (seen.length < n) await new Promise<void>((r) => waiters.push(r));
        return seen[n - 1];
      };
    };
    const dead = spawn("true");
    await new Promise((resolve) => dead.on("exit", resolve));
    for (let round = 0; round < 6; round++) {
      const dir = freshDir();
      if (round % 2 === 1) writeFileSync(join(dir, "chiso.lock"), String(dead.pid));
      const go = join(dir, "go");
      const done = join(dir, "done");
      const contenders = [0, 1].map(() =>
        spawn(process.execPath, ["--import", "tsx", child, dir, go, done], {
          stdio: ["ignore", "pipe", "inherit"],
        }),
      );
      const exited = contenders.map((p) => new Promise((resolve) => p.on("exit", resolve)));
      const read = contenders.map(lines);
      try {
        await Promise.all(read.map((line) => line(1)));
        writeFileSync(go, "");
        const outcomes = await Promise.all(read.map((line) => line(2)));
        expect(outcomes.sort(), `round ${round}`).toEqual(["held", "locked"]);
      } finally {
        // Whatever happened, the contenders let go and end: none is left spinning.
        writeFileSync(go, "");
        writeFileSync(done, "");
        await Promise.all(exited);
      }
      expect(existsSync(join(dir, "chiso.lock"))).toBe(false);
    }
  });
});
