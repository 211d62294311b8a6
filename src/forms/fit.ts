import { eq } from "drizzle-orm";
import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { forms } from "../db/schema/index.ts";
import { formatPeriod, type Period, periodEnd, tryParsePeriod } from "../domain/period/index.ts";
import { fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import { unitByCode } from "../units/service.ts";
import { formByCode } from "./queries.ts";
import type { FormView } from "./schema.ts";
import { unitGroupsOf } from "./unit-groups.ts";

/** The form's period `id` parsed, or 400 at `period`. */
export async function formPeriod(conn: Conn, code: string, id: string): Promise<Period> {
  const [form] = await conn.select({ type: forms.periodType }).from(forms).where(eq(forms.code, code));
  if (!form) throw notFound("biểu mẫu", "form", code);
  const parsed = tryParsePeriod(id, form.type);
  if (!parsed.ok) throw invalid(fieldIssue("period", parsed.error.messageVi, parsed.error.messageEn));
  return parsed.period;
}

/**
 * The form as `unit` reports it for `period` (the entry form, the Excel template): the version
 * in force for the period (the latest without one), the metrics of the unit's group (all
 * without a unit) and the rules over them. 404 for an unknown form or unit, 400 at `period`.
 */
export async function formForUnit(
  conn: Conn,
  code: string,
  query: { unit?: string | undefined; period?: string | undefined },
): Promise<FormView> {
  const parsed = query.period ? await formPeriod(conn, code, query.period) : null;
  const period = parsed ? formatPeriod(parsed) : null;
  // A reused unit code names the unit holding it on the period's last day (today without a period).
  const on = parsed ? periodEnd(parsed) : clock.today();
  const unit = query.unit ? await unitByCode(conn, query.unit, on, "unit") : null;
  if (period === null && unit === null) return formByCode(conn, code);
  const group = unit ? ((await unitGroupsOf(conn, { unitId: unit.id })).get(unit.id) ?? null) : null;
  return formByCode(conn, code, { period, group });
}
