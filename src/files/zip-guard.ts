/**
 * The guard for zip files read from disk (Excel imports, streamed): before any library inflates
 * them, the zip's central directory is read and each part's declared size, its ratio to the
 * compressed size and the number of parts are bounded. Uploads held in memory (report templates,
 * index frameworks) go through `assertSafeZip` (upload-zip.ts), which inflates every part with a
 * cap, so a zip that lies about its sizes is refused too.
 */
import { open } from "node:fs/promises";
import { fieldIssue, invalid } from "../errors/app-error.ts";

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
async function zipParts(read: Read, size: number, limits: ZipLimits): Promise<ZipPart[]> {
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
    });
    at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
  }
  return parts;
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

/** Refuses a workbook on disk whose parts declare sizes beyond the limits. */
export async function checkZipFile(file: string, limits = streamedZipLimits): Promise<void> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const read: Read = async (position, length) => {
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, position);
      return buffer;
    };
    checkDeclared(await zipParts(read, size, limits), limits);
  } finally {
    await handle.close();
  }
}
