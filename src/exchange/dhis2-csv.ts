import { fieldIssue, invalid } from "../errors/app-error.ts";
import { CsvSyntaxError, parseCsv, writeCsv } from "./csv.ts";
import type { ExportedValue } from "./export.ts";
import type { DataValueIn } from "./schema.ts";

/** DHIS2's data value CSV columns, in their fixed order. */
export const csvColumns = [
  "dataelement",
  "period",
  "orgunit",
  "catoptcombo",
  "attroptcombo",
  "value",
  "storedby",
  "lastupdated",
  "comment",
  "followup",
] as const;

/**
 * Reads DHIS2 CSV into data values, each with the line it came from (for conflicts). A first
 * row starting with "dataelement" is the header. An empty comment keeps the stored note.
 */
export function dataValuesFromCsv(text: string): { dataValues: DataValueIn[]; lines: number[] } {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw invalid(fieldIssue(`lines.${error.line}`, error.messageVi, error.message));
  }
  if (records[0]?.fields[0]?.trim().toLowerCase() === "dataelement") records.shift();
  const dataValues = records.map(({ fields }) => {
    const [
      dataElement = "",
      period = "",
      orgUnit = "",
      combo = "",
      attribute = "",
      value = "",
      ,
      ,
      comment = "",
    ] = fields;
    return {
      dataElement: dataElement.trim(),
      period: period.trim(),
      orgUnit: orgUnit.trim(),
      categoryOptionCombo: combo.trim(),
      attributeOptionCombo: attribute.trim(),
      value,
      ...(comment ? { comment } : {}),
    };
  });
  return { dataValues, lines: records.map((r) => r.line) };
}

/** Writes exported values as DHIS2 CSV with a header row. */
export function csvFromValues(values: readonly ExportedValue[]): string {
  const rows = values.map((v) => [
    v.dataElement,
    v.period,
    v.orgUnit,
    "",
    "",
    v.value,
    "",
    v.lastUpdated,
    v.comment ?? "",
    "false",
  ]);
  return writeCsv([[...csvColumns], ...rows]);
}
