/**
 * An upload spooled to a temporary file, never held whole in memory: the request body is written
 * to `dir` chunk by chunk and refused with 413 (the file removed) once it passes `limit` bytes.
 * Files are named after the process that wrote them, so a server at start removes those that
 * processes no longer running left behind (a crash, a kill), and never another live server's.
 */
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors/app-error.ts";

export interface Spooled {
  path: string;
  bytes: number;
  /** The first bytes of the file, to recognise its format. */
  head: Buffer;
  /** Nothing but white space (or a byte-order mark) was sent. */
  blank: boolean;
  remove(): Promise<void>;
}

const HEAD_BYTES = 64;
/** Space, tab, CR, LF and the bytes of a UTF-8 byte-order mark. */
const BLANK = new Set([0x20, 0x09, 0x0d, 0x0a, 0xef, 0xbb, 0xbf]);

const isBlank = (chunk: Buffer) => chunk.every((b) => BLANK.has(b));

/** Writes `body` to a new file in `dir` (0600); 413 PAYLOAD_TOO_LARGE past `limit` bytes. */
export async function spool(body: AsyncIterable<Buffer>, dir: string, limit: number): Promise<Spooled> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${process.pid}-${randomUUID()}`);
  const remove = () => rm(path, { force: true });
  let bytes = 0;
  let head = Buffer.alloc(0);
  let blank = true;
  async function* bounded() {
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > limit) throw new AppError("PAYLOAD_TOO_LARGE");
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      if (blank) blank = isBlank(chunk);
      yield chunk;
    }
  }
  try {
    await pipeline(Readable.from(bounded()), createWriteStream(path, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, bytes, head, blank, remove };
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the spooled files of processes that are gone; answers how many. */
export async function removeStaleUploads(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = Number(name.split("-")[0]);
    if (Number.isSafeInteger(pid) && pid > 0 && alive(pid)) continue;
    await rm(join(dir, name), { force: true, recursive: true });
    removed++;
  }
  return removed;
}
