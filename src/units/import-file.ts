/**
 * The official unit list as a file (CSV or Excel .xlsx, read by files/row-file.ts): the columns
 * of a unit and their accepted spellings (English or Vietnamese).
 */
import { type FileRow, type RowFileFormat, readRowFile } from "../files/row-file.ts";

export const unitColumns = [
  "code",
  "nameVi",
  "nameEn",
  "kind",
  "type",
  "level",
  "parentCode",
  "validFrom",
  "validTo",
  "predecessorCodes",
  "groupCode",
] as const;
export type UnitColumn = (typeof unitColumns)[number];

/** The accepted spellings of each column, after lower-casing and dropping spaces, `_` and `-`. */
export const unitAliases: Record<string, UnitColumn> = {
  code: "code",
  ma: "code",
  mã: "code",
  name: "nameVi",
  namevi: "nameVi",
  ten: "nameVi",
  tên: "nameVi",
  nameen: "nameEn",
  englishname: "nameEn",
  tentienganh: "nameEn",
  têntiếnganh: "nameEn",
  kind: "kind",
  loai: "kind",
  loại: "kind",
  type: "type",
  capdonvi: "type",
  cấpđơnvị: "type",
  level: "level",
  cap: "level",
  cấp: "level",
  parentcode: "parentCode",
  parent: "parentCode",
  macaptren: "parentCode",
  mãcấptrên: "parentCode",
  validfrom: "validFrom",
  tungay: "validFrom",
  từngày: "validFrom",
  validto: "validTo",
  denngay: "validTo",
  đếnngày: "validTo",
  predecessorcodes: "predecessorCodes",
  predecessors: "predecessorCodes",
  matruoc: "predecessorCodes",
  mãtrước: "predecessorCodes",
  group: "groupCode",
  groupcode: "groupCode",
  nhom: "groupCode",
  nhóm: "groupCode",
};

export type UnitFileRow = FileRow<UnitColumn>;

/** The rows of a unit list file; 400 at `file` when it cannot be read, 413 when too large. */
export function readUnitFile(bytes: Buffer, format: RowFileFormat): Promise<UnitFileRow[]> {
  return readRowFile(bytes, format, {
    aliases: unitAliases,
    key: { column: "code", vi: "mã đơn vị", en: "the unit code" },
  });
}
