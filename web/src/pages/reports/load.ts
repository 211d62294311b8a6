import { dueDate, formatPeriod, parsePeriod, previousPeriod } from "../../../../src/domain/period/index.ts";
import { api } from "../../api/client.ts";
import type { Detail, FormView, Value } from "./types.ts";

export interface ReportData {
  form: FormView;
  /** The report, once it exists. */
  detail: Detail | null;
  /** Last period's value of each metric, for comparison beside its field. */
  previous: Map<string, Value>;
  unitName: string;
  /** The report's due date by the form's rule (the stored one once the report exists). */
  dueDate: string;
}

/** The unit's name (GET /api/units/{code} has no declared answer schema: read defensively). */
async function unitName(unit: string, signal: AbortSignal): Promise<string> {
  const answer = (await api.get("/api/units/{code}", { params: { code: unit }, signal })) as {
    unit?: { nameVi?: string };
  };
  return answer.unit?.nameVi ?? unit;
}

async function findDetail(form: string, unit: string, period: string, signal: AbortSignal) {
  const list = await api.get("/api/submissions", { query: { form, unit, period }, signal });
  const own = list.find((s) => s.unit === unit && s.period === period);
  return own ? api.get("/api/submissions/{id}", { params: { id: own.id }, signal }) : null;
}

/** The form, the report of (form, unit, period) if any, and last period's values. */
export async function loadReport(
  form: string,
  unit: string,
  period: string,
  signal: AbortSignal,
): Promise<ReportData> {
  const [view, detail, name] = await Promise.all([
    api.get("/api/forms/{code}", { params: { code: form }, query: { unit, period }, signal }),
    findDetail(form, unit, period, signal),
    unitName(unit, signal),
  ]);
  const parsed = parsePeriod(period, view.periodType);
  const common = { form: view, unitName: name, dueDate: dueDate(parsed, view.dueRule) };
  if (detail) {
    return { ...common, detail, previous: new Map(detail.values.map((v) => [v.metric, v.previousValue])) };
  }
  const last = await findDetail(form, unit, formatPeriod(previousPeriod(parsed)), signal).catch(() => null);
  return { ...common, detail: null, previous: new Map(last?.values.map((v) => [v.metric, v.value])) };
}
