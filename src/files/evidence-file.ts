/**
 * Evidence files (tệp kiểm chứng, minh chứng) for plan progress and index self-assessment:
 * which files are accepted and how their names are made safe. The type is decided by the
 * file's extension AND its first bytes, never by the client's Content-Type alone, so an HTML
 * page renamed to .pdf is refused; files live in the database and are only ever sent back as
 * attachments.
 */

/** 5 MB: a scanned decision of a few pages; larger files belong in the document system (link). */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

interface FileKind {
  contentType: string;
  /** Accepted leading bytes. */
  magic: (bytes: Uint8Array) => boolean;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
const prefixed =
  (...prefix: number[]) =>
  (bytes: Uint8Array) =>
    startsWith(bytes, prefix);

const pdf = prefixed(0x25, 0x50, 0x44, 0x46, 0x2d); // %PDF-
const zip = prefixed(0x50, 0x4b, 0x03, 0x04); // Office Open XML and OpenDocument are zips
const ole = prefixed(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1); // Office 97–2003
const png = prefixed(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const jpeg = prefixed(0xff, 0xd8, 0xff);
const webp = (b: Uint8Array) =>
  startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b.subarray(8), [0x57, 0x45, 0x42, 0x50]);
const ooxml = "application/vnd.openxmlformats-officedocument";
const odf = "application/vnd.oasis.opendocument";

export const EVIDENCE_TYPES: Readonly<Record<string, FileKind>> = {
  pdf: { contentType: "application/pdf", magic: pdf },
  docx: { contentType: `${ooxml}.wordprocessingml.document`, magic: zip },
  xlsx: { contentType: `${ooxml}.spreadsheetml.sheet`, magic: zip },
  pptx: { contentType: `${ooxml}.presentationml.presentation`, magic: zip },
  odt: { contentType: `${odf}.text`, magic: zip },
  ods: { contentType: `${odf}.spreadsheet`, magic: zip },
  doc: { contentType: "application/msword", magic: ole },
  xls: { contentType: "application/vnd.ms-excel", magic: ole },
  ppt: { contentType: "application/vnd.ms-powerpoint", magic: ole },
  png: { contentType: "image/png", magic: png },
  jpg: { contentType: "image/jpeg", magic: jpeg },
  jpeg: { contentType: "image/jpeg", magic: jpeg },
  webp: { contentType: "image/webp", magic: webp },
};

const acceptedContentTypes = new Set(Object.values(EVIDENCE_TYPES).map((k) => k.contentType));

export const ALLOWED_LABEL = "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, WebP";

const FALLBACK_NAME = "tep-kiem-chung";
const MAX_NAME = 120;

/**
 * A file name safe to store and to send back: the last path segment only, no control or
 * reserved characters (`<>:"/\|?*;%`), no leading dots, spaces collapsed, NFC, at most 120
 * characters with the extension kept. Never used as a path: files live in the database.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}<>:"|?*;%]/gu, "")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .trim();
  if (cleaned === "" || /^\.+$/.test(cleaned)) return FALLBACK_NAME;
  if (cleaned.length <= MAX_NAME) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_NAME - ext.length).trimEnd() + ext;
}

export const extensionOf = (name: string) => {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
};

/** Why a file is refused: its declared type, its name's extension, or its bytes. */
export type FileProblem = "declared_type" | "extension" | "content";

/**
 * The content type to store for a file, or why it is refused: a declared type other than
 * application/octet-stream must be an accepted one, the extension must be on the list and
 * agree with the declared type, and the bytes must start as that format does.
 */
export function classifyFile(
  name: string,
  declared: string | undefined,
  bytes: Uint8Array,
): { contentType: string } | { problem: FileProblem } {
  const type = (declared ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const typed = type !== "" && type !== "application/octet-stream";
  if (typed && !acceptedContentTypes.has(type)) return { problem: "declared_type" };
  const kind = EVIDENCE_TYPES[extensionOf(name)];
  if (!kind) return { problem: "extension" };
  if (typed && type !== kind.contentType) return { problem: "declared_type" };
  return kind.magic(bytes) ? { contentType: kind.contentType } : { problem: "content" };
}

/** The content type to store for an accepted file, or null when refused. */
export function acceptedType(name: string, declared: string | undefined, bytes: Uint8Array): string | null {
  const result = classifyFile(name, declared, bytes);
  return "contentType" in result ? result.contentType : null;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266), so
 * browsers always download and never render: "Quyết định.pdf" → filename="Quyet dinh.pdf".
 */
export function attachmentHeader(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
