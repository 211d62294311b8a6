import { inflateRawSync } from "node:zlib";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";

/** Limits of an uploaded workbook once unpacked: a filled form template is a few dozen KB. */
export interface ZipLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
}

export const workbookLimits: ZipLimits = { maxEntries: 500, maxUnpackedBytes: 20 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** 400 at `body`: not a workbook, or a damaged one. */
export const unreadable = () =>
  invalid(
    fieldIssue(
      "body",
      "Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không đúng định dạng",
      "Cannot read the Excel (.xlsx) file: it is damaged or not a workbook",
      "UNREADABLE_WORKBOOK",
    ),
  );

function endOfDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  throw unreadable();
}

/** Inflates one entry, never past what is left of the budget; returns the bytes it unpacked to. */
function unpackedSize(bytes: Buffer, entry: number, budget: number): number {
  const method = bytes.readUInt16LE(entry + 10);
  const packed = bytes.readUInt32LE(entry + 20);
  const local = bytes.readUInt32LE(entry + 42);
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) throw unreadable();
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  if (start + packed > bytes.length) throw unreadable();
  const data = bytes.subarray(start, start + packed);
  if (method === 0) return packed;
  if (method !== 8) throw unreadable();
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new AppError("PAYLOAD_TOO_LARGE");
    }
    throw unreadable();
  }
}

/**
 * Refuses a zip (an .xlsx is one) that would unpack to more than the limits, before any library
 * unpacks it into memory: every entry is really inflated with a capped output, so an archive
 * that lies about its sizes (a zip bomb) is caught too. 400 when it is not a zip, 413 when too big.
 */
export function assertSafeZip(bytes: Buffer, limits: ZipLimits = workbookLimits): void {
  if (bytes.length < 22) throw unreadable();
  const eocd = endOfDirectory(bytes);
  const entries = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) throw unreadable(); // zip64: never a form template
  if (entries > limits.maxEntries) throw new AppError("PAYLOAD_TOO_LARGE");
  let at = offset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw unreadable();
    total += unpackedSize(bytes, at, limits.maxUnpackedBytes - total);
    if (total > limits.maxUnpackedBytes) throw new AppError("PAYLOAD_TOO_LARGE");
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}
