/**
 * The guard for zip files read from disk (Excel imports, streamed): before exceljs inflates them,
 * the zip's central directory is read and each part's declared size, its ratio to the compressed
 * size and the number of parts are bounded; then every part is really inflated, as a stream into
 * nothing, its bytes counted and the inflation stopped once a part passes its limit, so a zip
 * that lies about its sizes is refused too, in bounded memory. The parts are walked in the order
 * exceljs's reader (unzipper) meets them, from the first byte, each local header agreeing with the
 * directory, so what is counted is what exceljs will read. Uploads held in memory (report
 * templates, index frameworks, unit and user lists) go through `assertSafeZip` (upload-zip.ts).
 */
import { createReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createInflateRaw } from "node:zlib";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";

export interface ZipLimits {
  /** The largest uncompressed part. */
  maxPartBytes: number;
  /** The largest shared-strings part: exceljs holds it in memory. */
  maxSharedStringsBytes: number;
  /** The largest uncompressed / compressed ratio of a part over 1 MB. */
  maxRatio: number;
  /** The most parts a file may have. */
  maxParts: number;
}

/** A streamed import from disk: a sheet's XML is read piece by piece. */
export const streamedZipLimits: ZipLimits = {
  maxPartBytes: 1 << 30,
  maxSharedStringsBytes: 64 << 20,
  maxRatio: 200,
  maxParts: 10_000,
};

interface ZipPart {
  name: string;
  method: number;
  compressed: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
}

/** The parts and where the central directory starts (the end of the last part). */
interface ZipIndex {
  parts: ZipPart[];
  dirOffset: number;
}

function refuse(vi: string, en: string): never {
  throw invalid(fieldIssue("file", vi, en));
}

/** The file is no Excel workbook: 400 naming `file`. */
export const notXlsx = (): never =>
  refuse("Tệp không phải Excel (.xlsx) hợp lệ", "The file is not a valid Excel (.xlsx) file");

const bomb = (name: string, size: number): never =>
  refuse(
    `Tệp Excel bất thường: phần ${name} giải nén ra ${size.toLocaleString("vi")} byte (có thể là "bom nén")`,
    `Suspicious Excel file: part ${name} inflates to ${size.toLocaleString("en")} bytes (a zip bomb?)`,
  );

type Read = (position: number, length: number) => Promise<Buffer>;

/** The parts the zip's central directory names, read through `read` from a file of `size` bytes. */
async function zipParts(read: Read, size: number, limits: ZipLimits): Promise<ZipIndex> {
  const tailLength = Math.min(size, 65_557);
  const tail = await read(size - tailLength, tailLength);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) return notXlsx();
  const count = tail.readUInt16LE(eocd + 10);
  if (count > limits.maxParts) {
    refuse(`Tệp Excel có quá nhiều phần (${count})`, `The Excel file has too many parts (${count})`);
  }
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirOffset === 0xffffffff || dirOffset + dirSize > size) return notXlsx();
  const dir = await read(dirOffset, dirSize);
  const parts: ZipPart[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) return notXlsx();
    const uncompressed = dir.readUInt32LE(at + 24);
    const nameLength = dir.readUInt16LE(at + 28);
    parts.push({
      name: dir.toString("utf8", at + 46, at + 46 + nameLength),
      method: dir.readUInt16LE(at + 10),
      compressed: dir.readUInt32LE(at + 20),
      // Zip64 (0xFFFFFFFF): over 4 GB, far beyond any limit.
      size: uncompressed === 0xffffffff ? Number.POSITIVE_INFINITY : uncompressed,
      offset: dir.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
  }
  return { parts, dirOffset };
}

const maxFor = (part: ZipPart, limits: ZipLimits) =>
  /sharedStrings\.xml$/i.test(part.name) ? limits.maxSharedStringsBytes : limits.maxPartBytes;

function checkDeclared(parts: readonly ZipPart[], limits: ZipLimits): void {
  for (const part of parts) {
    const ratio = part.size / Math.max(1, part.compressed);
    if (part.size > maxFor(part, limits) || (part.size > 1 << 20 && ratio > limits.maxRatio)) {
      bomb(part.name, part.size);
    }
  }
}

const LOCAL = 0x04034b50;
/** A data descriptor's signature: unzipper ends a part of unknown size at its first occurrence. */
const DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
const MB = 1 << 20;

/** The most a part may really inflate to: its limit, and beyond 1 MB the ratio to its packed size. */
const allowedFor = (part: ZipPart, limits: ZipLimits) =>
  Math.min(maxFor(part, limits), Math.max(MB, limits.maxRatio * part.compressed));

const tooBig = (name: string, limit: number) =>
  invalid(
    fieldIssue(
      "file",
      `Tệp Excel bất thường: phần ${name} giải nén ra hơn ${limit.toLocaleString("vi")} byte (có thể là "bom nén")`,
      `Suspicious Excel file: part ${name} inflates to more than ${limit.toLocaleString("en")} bytes (a zip bomb?)`,
    ),
  );

/**
 * Inflates `length` packed bytes from `start` into nothing, counting the output; refuses the part
 * once it passes `limit`. With `unsized` (a local header without sizes) the packed bytes must not
 * hold a descriptor's signature, where unzipper would cut the part short.
 */
async function inflateCounted(file: string, part: ZipPart, start: number, limit: number, unsized: boolean) {
  if (part.compressed === 0) return;
  const packed = createReadStream(file, { start, end: start + part.compressed - 1, highWaterMark: 1 << 16 });
  let tail = Buffer.alloc(0);
  const tap = async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      const seen = Buffer.concat([tail, chunk]);
      if (unsized && seen.includes(DESCRIPTOR)) notXlsx();
      tail = seen.subarray(-3);
      yield chunk;
    }
  };
  if (part.method === 0) {
    if (part.compressed > limit) throw tooBig(part.name, limit);
    for await (const _ of tap(packed));
    return;
  }
  if (part.method !== 8) notXlsx();
  let out = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.length;
      // Stops the inflation at once: the pipeline destroys the streams before inflating more.
      done(out > limit ? tooBig(part.name, limit) : undefined);
    },
  });
  try {
    await pipeline(packed, tap, createInflateRaw(), counter);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // zlib's own errors: the packed bytes are no deflate stream.
    return notXlsx();
  }
}

/** Walks the parts as unzipper will, from byte 0, and counts what each really inflates to. */
async function checkInflated(file: string, read: Read, index: ZipIndex, limits: ZipLimits) {
  let at = 0;
  for (const part of [...index.parts].sort((a, b) => a.offset - b.offset)) {
    if (part.offset !== at) return notXlsx();
    const header = await read(at, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) return notXlsx();
    const nameLength = header.readUInt16LE(26);
    const start = at + 30 + nameLength + header.readUInt16LE(28);
    if ((await read(at + 30, nameLength)).toString("utf8") !== part.name) return notXlsx();
    // unzipper takes the local header's sizes; without them (a data descriptor), the signature.
    const unsized = (header.readUInt16LE(6) & 0x08) !== 0 && header.readUInt32LE(18) === 0;
    if (!unsized && header.readUInt32LE(18) !== part.compressed) return notXlsx();
    if (header.readUInt16LE(8) !== part.method) return notXlsx();
    await inflateCounted(file, part, start, allowedFor(part, limits), unsized);
    at = start + part.compressed + (unsized ? 16 : 0);
  }
  if (at !== index.dirOffset) notXlsx();
}

async function reader(handle: FileHandle): Promise<{ read: Read; size: number }> {
  const { size } = await handle.stat();
  const read: Read = async (position, length) => {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  };
  return { read, size };
}

/**
 * Refuses a workbook on disk whose parts declare, or really inflate to, sizes beyond the limits:
 * 400 at `file`, in Vietnamese and English.
 */
export async function checkZipFile(file: string, limits = streamedZipLimits): Promise<void> {
  const handle = await open(file, "r");
  try {
    const { read, size } = await reader(handle);
    const index = await zipParts(read, size, limits);
    checkDeclared(index.parts, limits);
    await checkInflated(file, read, index, limits);
  } finally {
    await handle.close();
  }
}
