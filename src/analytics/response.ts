import { plainDecimal, roundHalfAway } from "../domain/number/index.ts";
import { formatPeriod, labelEn, labelVi } from "../domain/period/index.ts";
import type { Cell } from "./engine.ts";
import { dimensionTitles } from "./messages.ts";
import type { AnalyticsView, Plan } from "./plan.ts";
import type { DimensionName } from "./types.ts";

/** Figures are shown with at most this many decimals, trailing zeros dropped ("47.54"). */
export const VALUE_DECIMALS = 4;

export interface Header {
  name: DimensionName | "value";
  column: string;
  valueType: "TEXT" | "NUMBER";
  meta: boolean;
}

export interface ItemName {
  name: string;
  nameEn: string;
}

/** DHIS2's analytics answer: headers, names of everything mentioned, and one row per value. */
export interface AnalyticsResponse {
  headers: Header[];
  metaData: {
    items: Record<string, ItemName>;
    dimensions: Record<DimensionName, string[]>;
    /**
     * Where the values count: `own-period` (each in the tree of its own period's last day, the
     * default) or `asOf` (all in the tree of `asOf`, the restated view).
     */
    view: AnalyticsView;
    asOf: string | null;
  };
  rows: string[][];
  height: number;
  width: number;
}

/** A figure as DHIS2 sends it: a string in plain JS number format, rounded half away from zero. */
export function formatValue(value: number): string {
  return plainDecimal(roundHalfAway(value, VALUE_DECIMALS));
}

function header(name: DimensionName | "value"): Header {
  const title = dimensionTitles[name];
  return {
    name,
    column: `${title.vi} / ${title.en}`,
    valueType: name === "value" ? "NUMBER" : "TEXT",
    meta: name !== "value",
  };
}

function items(plan: Plan): Record<string, ItemName> {
  const out: Record<string, ItemName> = {};
  for (const name of ["dx", "pe", "ou"] as const)
    out[name] = { name: dimensionTitles[name].vi, nameEn: dimensionTitles[name].en };
  for (const m of plan.dx) out[m.code] = { name: m.nameVi, nameEn: m.nameEn ?? m.nameVi };
  for (const p of plan.query.pe.items) out[formatPeriod(p)] = { name: labelVi(p), nameEn: labelEn(p) };
  for (const id of plan.ouAxis) {
    const unit = plan.units.get(id);
    if (unit) out[unit.code] = { name: unit.nameVi, nameEn: unit.nameEn ?? unit.nameVi };
  }
  return out;
}

/** The label for each dimension value of a cell, and its position for ordering rows. */
function coordinates(plan: Plan, cell: Cell): Record<DimensionName, { label: string; order: number }> {
  return {
    dx: { label: plan.dx[cell.dx]?.code ?? "", order: cell.dx },
    pe: { label: plan.pe[cell.pe]?.ids[0] ?? "", order: cell.pe },
    ou: { label: plan.units.get(plan.ouAxis[cell.ou] ?? -1)?.code ?? "", order: cell.ou },
  };
}

/** Rows in the order of the columns asked: first column's items in request order, then the next. */
export function buildResponse(plan: Plan, cells: readonly Cell[]): AnalyticsResponse {
  const columns = plan.query.columns;
  const placed = cells.map((cell) => ({ at: coordinates(plan, cell), value: cell.value }));
  placed.sort((a, b) => {
    for (const c of columns) if (a.at[c].order !== b.at[c].order) return a.at[c].order - b.at[c].order;
    return 0;
  });
  const rows = placed.map(({ at, value }) => [...columns.map((c) => at[c].label), formatValue(value)]);
  const headers = [...columns.map(header), header("value")];
  return {
    headers,
    metaData: {
      items: items(plan),
      dimensions: {
        dx: plan.dx.map((m) => m.code),
        pe: plan.pe.flatMap((slot) => slot.ids),
        ou: plan.ouAxis.map((id) => plan.units.get(id)?.code ?? String(id)),
      },
      view: plan.view,
      asOf: plan.query.asOf,
    },
    rows,
    height: rows.length,
    width: headers.length,
  };
}
