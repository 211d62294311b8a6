/**
 * A reform file (CSV or Excel .xlsx, read by files/row-file.ts): one row per unit that opens on
 * the reform's date, with its predecessors, and one per unit abolished then. Columns are matched
 * as the unit list's are (English or Vietnamese, case, spaces, `_` and `-` ignored).
 */
import { z } from "zod";
import type { Predecessor, ReformRow } from "../domain/reform/index.ts";
import type { FieldIssue } from "../errors/app-error.ts";
import { type FileRow, type RowFileFormat, readRowFile } from "../files/row-file.ts";
import { zodIssuesToFieldIssues } from "../http/zod-validation.ts";
import { type UnitColumn, unitAliases } from "./import-file.ts";
import { unitFields } from "./schema.ts";

export const reformColumns = [
  "action",
  "code",
  "nameVi",
  "nameEn",
  "kind",
  "type",
  "groupCode",
  "parentCode",
  "predecessors",
  "date",
] as const;
export type ReformColumn = (typeof reformColumns)[number];
export type ReformFileRow = FileRow<ReformColumn>;

/** The unit list's spellings of the columns both files have, and the reform's own. */
const sameAsUnitList: Partial<Record<UnitColumn, ReformColumn>> = {
  code: "code",
  nameVi: "nameVi",
  nameEn: "nameEn",
  kind: "kind",
  type: "type",
  groupCode: "groupCode",
  parentCode: "parentCode",
  predecessorCodes: "predecessors",
  validFrom: "date",
};
const aliases: Record<string, ReformColumn> = {
  ...Object.fromEntries(
    Object.entries(unitAliases).flatMap(([spelling, column]) => {
      const mine = sameAsUnitList[column];
      return mine ? [[spelling, mine]] : [];
    }),
  ),
  action: "action",
  hanhdong: "action",
  hànhđộng: "action",
  tienthan: "predecessors",
  tiềnthân: "predecessors",
  date: "date",
  effectivedate: "date",
  ngayhieuluc: "date",
  ngàyhiệulực: "date",
};

/** The rows of a reform file; 400 at `file` when it cannot be read, 413 when too large. */
export function readReformFile(bytes: Buffer, format: RowFileFormat): Promise<ReformFileRow[]> {
  return readRowFile(bytes, format, {
    aliases,
    key: { column: "code", vi: "mã đơn vị", en: "the unit code" },
  });
}

const OPEN = new Set(["open", "mở", "mo", "thành lập", "thanh lap", "new", "mới"]);
const ABOLISH = new Set(["abolish", "close", "bãi bỏ", "bai bo", "giải thể", "giai the"]);
/** `[part]`, `(part)`, `[một phần]` after a code: the new unit takes part of it. */
const PART = /\s*[[(](part|một phần|mot phan)[\])]\s*$/i;

/** "A; B [part]" or "A + B [một phần]": each code once, whole unless marked. */
export function parsePredecessors(text: string | undefined): Predecessor[] {
  const out = new Map<string, Predecessor>();
  for (const item of (text ?? "").split(/[;+]/)) {
    const part = PART.test(item);
    const code = item.replace(PART, "").trim();
    if (code !== "" && !out.has(code)) out.set(code, { code, part });
  }
  return [...out.values()];
}

const newUnitRow = z.object({
  code: unitFields.code,
  nameVi: unitFields.nameVi,
  nameEn: unitFields.nameEn,
  kind: z
    .enum(
      ["territorial", "agency"],
      "Loại phải là territorial hoặc agency|The kind must be territorial or agency",
    )
    .default("territorial"),
  type: unitFields.type,
  groupCode: z.string().max(50).optional(),
  parentCode: z.string().max(30).optional(),
  predecessors: z.string().max(4000).optional(),
  date: z.string().max(30).default(""),
});
const abolishRow = newUnitRow.pick({ code: true, date: true });

/** What a new unit needs beyond its place in the tree (the domain plans the place). */
export interface NewUnitDetails {
  nameVi: string;
  nameEn: string | null;
  kind: "territorial" | "agency";
  type: string;
  groupCode: string | null;
}

export interface ParsedReformRow {
  rows: ReformRow[];
  details: Map<string, NewUnitDetails>;
  issues: FieldIssue[];
}

/** The file's rows as the domain plans them, and the issues of rows that cannot be read. */
export function parseReformRows(fileRows: readonly ReformFileRow[]): ParsedReformRow {
  const out: ParsedReformRow = { rows: [], details: new Map(), issues: [] };
  for (const { row, fields } of fileRows) {
    const prefix = `rows.${row}`;
    const word = (fields.action ?? "").toLowerCase();
    const action =
      word === ""
        ? fields.nameVi
          ? "open"
          : "abolish"
        : OPEN.has(word)
          ? "open"
          : ABOLISH.has(word)
            ? "abolish"
            : null;
    if (action === null) {
      out.issues.push({
        path: `${prefix}.action`,
        message: "Hành động phải là 'mở' hoặc 'bãi bỏ'",
        message_en: "The action must be 'open' or 'abolish'",
      });
      continue;
    }
    if (action === "abolish") {
      const parsed = abolishRow.safeParse(fields);
      if (!parsed.success) out.issues.push(...zodIssuesToFieldIssues(parsed.error.issues, prefix));
      else out.rows.push({ row, action, code: parsed.data.code, date: parsed.data.date });
      continue;
    }
    const parsed = newUnitRow.safeParse(fields);
    if (!parsed.success) {
      out.issues.push(...zodIssuesToFieldIssues(parsed.error.issues, prefix));
      continue;
    }
    const r = parsed.data;
    out.rows.push({
      row,
      action,
      code: r.code,
      parentCode: r.parentCode ?? null,
      predecessors: parsePredecessors(r.predecessors),
      date: r.date,
    });
    out.details.set(r.code, {
      nameVi: r.nameVi,
      nameEn: r.nameEn ?? null,
      kind: r.kind,
      type: r.type,
      groupCode: r.groupCode ?? null,
    });
  }
  return out;
}
