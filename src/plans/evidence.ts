import { createHash } from "node:crypto";
import { AppError, fieldIssue, invalid } from "../errors/app-error.ts";
import {
  ALLOWED_LABEL,
  classifyFile,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPES,
  type FileProblem,
  sanitizeFileName,
} from "../files/evidence-file.ts";
import type { EvidenceFileInput } from "./schema.ts";

/** The base64 of the largest file, plus room for the rest of the JSON body. */
export const PROGRESS_BODY_LIMIT = Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 512 * 1024;

/** A checked file, ready to store. */
export interface EvidenceFile {
  name: string;
  type: string;
  size: number;
  sha256: string;
  content: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function refusal(problem: FileProblem, path: string, type: string) {
  const extensions = Object.entries(EVIDENCE_TYPES)
    .filter(([, kind]) => kind.contentType === type)
    .map(([ext]) => `.${ext}`);
  switch (problem) {
    case "declared_type":
      return fieldIssue(
        `${path}.type`,
        `Chỉ nhận tệp ${ALLOWED_LABEL}`,
        `Only ${ALLOWED_LABEL} files are accepted`,
      );
    case "extension":
      return extensions.length
        ? fieldIssue(
            `${path}.name`,
            `Tên tệp phải có đuôi ${extensions.join(" hoặc ")}`,
            `The file name must end in ${extensions.join(" or ")}`,
          )
        : fieldIssue(
            `${path}.name`,
            `Chỉ nhận tệp ${ALLOWED_LABEL}`,
            `Only ${ALLOWED_LABEL} files are accepted`,
          );
    case "content":
      return fieldIssue(
        `${path}.content`,
        "Nội dung tệp không khớp với loại tệp đã khai",
        "The file content does not match its type",
      );
  }
}

/**
 * Decodes and checks an attached file: base64, at most 5 MB (413), an accepted type whose first
 * bytes match it and whose name has its extension (400). `path` names the file field.
 */
export function checkEvidenceFile(file: EvidenceFileInput, path: string): EvidenceFile {
  const content = file.content.replace(/\s+/g, "");
  if (content.length % 4 !== 0 || !BASE64.test(content)) {
    throw invalid(
      fieldIssue(`${path}.content`, "Nội dung tệp phải mã hóa base64", "The file content must be base64"),
    );
  }
  // Checked before decoding: the decoded size follows from the length.
  if ((content.length / 4) * 3 - (content.match(/=+$/)?.[0].length ?? 0) > EVIDENCE_MAX_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", {}, [
      fieldIssue(`${path}.content`, "Tệp minh chứng vượt quá 5 MB", "The evidence file exceeds 5 MB"),
    ]);
  }
  const bytes = Buffer.from(content, "base64");
  const name = sanitizeFileName(file.name);
  const type = file.type.trim().toLowerCase();
  const kind = classifyFile(name, type, bytes);
  if ("problem" in kind) throw invalid(refusal(kind.problem, path, type));
  return {
    name,
    type: kind.contentType,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    content: bytes,
  };
}
