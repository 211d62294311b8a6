import ExcelJS from "exceljs";
import { nfc } from "../domain/format/index.ts";
import { fieldIssue, invalid } from "../errors/app-error.ts";
import { assertSafeZip } from "../files/upload-zip.ts";

/**
 * Reads a framework from the workbook provinces publish. The first sheet is the index table
 * with its usual columns (STT · Chỉ số · Điểm tối đa · Cách xác định và tính điểm · Tài liệu
 * kiểm chứng · Nguồn thu thập dữ liệu · Đơn vị phối hợp xác minh), plus the columns a machine
 * needs: Phương pháp (the scoring method as JSON, or yes_no / ratio / manual), Nhóm (the groups
 * a criterion applies to; all when empty), Tên tiếng Anh, Biểu thức (a metric expression), Mã
 * (a pillar's code). A row whose STT has no dot ("1", "II") is a pillar; "1.1" a criterion of
 * the pillar above. The sheet "Nhóm" lists the groups: Mã · Tên · Tên tiếng Anh · Tổng điểm.
 * Points per group read "SO_DVC: 500; HUYEN: 200". The result goes through parseFramework;
 * `rowOf` turns its paths back into sheet rows.
 */

const COLUMNS = {
  stt: ["stt"],
  name: ["chi so", "tieu chi", "chi so/chi so thanh phan"],
  points: ["diem toi da"],
  methodNote: ["cach xac dinh va tinh diem"],
  evidence: ["tai lieu kiem chung"],
  source: ["nguon thu thap du lieu"],
  verifier: ["don vi phoi hop xac minh", "don vi phoi hop xac minh so lieu", "don vi xac minh"],
  method: ["phuong phap"],
  groups: ["nhom"],
  nameEn: ["ten tieng anh"],
  expression: ["bieu thuc"],
  code: ["ma"],
} as const;

type Key = keyof typeof COLUMNS;

/** "Điểm tối đa" → "diem toi da": headers compared without case or diacritics. */
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v)
    return nfc(
      v.richText
        .map((r) => r.text)
        .join("")
        .trim(),
    );
  if (typeof v === "object" && "result" in v) return String(v.result ?? "").trim();
  return nfc(String(v).trim());
}

function headerMap(row: ExcelJS.Row): Map<Key, number> {
  const found = new Map<Key, number>();
  row.eachCell((cell, col) => {
    const text = fold(cellText(cell));
    for (const [key, names] of Object.entries(COLUMNS) as [Key, readonly string[]][]) {
      if (!found.has(key) && names.includes(text)) found.set(key, col);
    }
  });
  return found;
}

/** A number, or "SO_DVC: 500; HUYEN: 200" (a record per group). */
function points(text: string): number | Record<string, number> | string {
  const n = Number(text.replace(",", "."));
  if (text !== "" && Number.isFinite(n)) return n;
  const pairs = text.split(/[;\n]/).map((p) => p.split(":").map((s) => s.trim()));
  if (pairs.some((p) => p.length !== 2)) return text;
  return Object.fromEntries(pairs.map(([g, v]) => [g ?? "", Number((v ?? "").replace(",", "."))]));
}

function method(text: string): unknown {
  if (text.startsWith("{")) {
    try {
      return JSON.parse(text);
    } catch {
      return { kind: text };
    }
  }
  return { kind: text };
}

function groupsSheet(book: ExcelJS.Workbook) {
  const sheet = book.worksheets.find((s) => fold(s.name) === "nhom");
  if (!sheet)
    throw invalid(
      fieldIssue("sheets.Nhóm", "Thiếu trang tính “Nhóm”", 'The sheet "Nhóm" (groups) is missing'),
    );
  const groups: unknown[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const [code, nameVi, nameEn, total] = [1, 2, 3, 4].map((c) => cellText(row.getCell(c)));
    if (code) groups.push({ code, nameVi, nameEn: nameEn || nameVi, maxTotal: Number(total) });
  });
  return groups;
}

export interface SheetFramework {
  definition: Record<string, unknown>;
  /** `criteria.3` → 14: the sheet row of each criterion and pillar, for error paths. */
  rowOf: Map<string, number>;
}

/** The framework's rows as a definition for parseFramework; code, year and names come from the caller. */
export async function frameworkFromWorkbook(
  bytes: Buffer,
  meta: { code: string; year: number; nameVi: string; nameEn: string },
): Promise<SheetFramework> {
  assertSafeZip(bytes);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  let header: Map<Key, number> | null = null;
  const pillars: Record<string, unknown>[] = [];
  const criteria: Record<string, unknown>[] = [];
  const rowOf = new Map<string, number>();
  sheet?.eachRow((row, n) => {
    const at = (key: Key) => (header?.has(key) ? cellText(row.getCell(header.get(key) ?? 0)) : "");
    if (header === null) {
      const found = headerMap(row);
      if (found.has("stt") && found.has("name")) header = found;
      return;
    }
    const stt = at("stt");
    if (stt === "") return;
    const common = {
      nameVi: at("name"),
      nameEn: at("nameEn") || at("name"),
      maxPoints: points(at("points")),
    };
    if (!stt.includes(".")) {
      rowOf.set(`pillars.${pillars.length}`, n);
      pillars.push({ code: at("code") || stt, ...common });
      return;
    }
    rowOf.set(`criteria.${criteria.length}`, n);
    const groups = at("groups");
    criteria.push({
      code: stt,
      pillar: pillars.at(-1)?.code ?? "",
      groups: groups ? groups.split(/[,;]/).map((g) => g.trim()) : null,
      ...common,
      method: method(at("method")),
      ...(at("methodNote") ? { methodNoteVi: at("methodNote") } : {}),
      evidenceRequired: at("evidence"),
      dataSource: at("source"),
      verifyingUnit: at("verifier"),
      ...(at("expression") ? { metricExpression: at("expression") } : {}),
    });
  });
  const groups = groupsSheet(book) as { code: string }[];
  for (const c of criteria) if (c.groups === null) c.groups = groups.map((g) => g.code);
  return { definition: { ...meta, groups, pillars, criteria }, rowOf };
}

/** `criteria.3.method.kind` → `rows.14.method.kind`: where to look in the sheet. */
export function sheetPath(path: string, rowOf: Map<string, number>): string {
  const [list, index, ...rest] = path.split(".");
  const row = rowOf.get(`${list}.${index}`);
  return row === undefined ? path : ["rows", String(row), ...rest].join(".");
}
