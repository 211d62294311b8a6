import { writeCsv } from "./csv.ts";
import type { ExportedValue } from "./export.ts";

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
