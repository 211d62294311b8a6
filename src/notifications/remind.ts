import { sql } from "drizzle-orm";
import { assertUnitInScope, type Principal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import { recordAudit } from "../audit/audit.ts";
import { textArray } from "../db/arrays.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import {
  type Notice,
  noticeKey,
  outstanding,
  type ReportStatus,
  vietnamHour,
} from "../domain/notices/index.ts";
import { dueDate, formatPeriod, vietnamDate } from "../domain/period/index.ts";
import { fieldIssue, invalid } from "../errors/app-error.ts";
import { formPeriod } from "../forms/fit.ts";
import { unitsByCodes } from "../units/service.ts";
import { sweepInput } from "./inputs.ts";
import type { RemindBody, RemindOut } from "./remind-schema.ts";
import { storeNotices } from "./store.ts";

/**
 * Nhắc ngay: tells the reporters of the chosen units (those on the unit, else on its nearest
 * ancestor that has some, as the schedule does) to send the form's report for the period, in-app
 * and by e-mail, audited. Every unit must be assigned the form (400 at `units.N`) and lie in the
 * caller's subtree as an approver or admin (403 OUT_OF_SCOPE); a unit whose report is already
 * sent is skipped and named in the answer.
 */
export async function remindUnits(
  db: Conn,
  actor: Actor,
  principal: Principal,
  body: RemindBody,
  now: Date,
): Promise<RemindOut> {
  const today = vietnamDate(now);
  const p = await formPeriod(db, body.form, body.period);
  const period = formatPeriod(p);
  const codes = [...new Set(body.units)];
  const found = await unitsByCodes(db, codes);
  return db.transaction(async (tx) => {
    const { input, names } = await sweepInput(tx, today, vietnamHour(now));
    const form = input.forms.find((f) => f.code === body.form);
    const assigned = new Map(input.assignments.filter((a) => a.form === body.form).map((a) => [a.unit, a]));
    const issues = body.units.flatMap((code, i) =>
      found.has(code) && assigned.has(code)
        ? []
        : [
            fieldIssue(
              `body.units.${i}`,
              `Đơn vị ${code} không phải nộp biểu mẫu ${body.form}`,
              `Unit ${code} does not report form ${body.form}`,
            ),
          ],
    );
    if (!form || issues.length > 0) throw invalid(...issues);
    for (const code of codes) {
      const unit = found.get(code);
      if (unit) await assertUnitInScope(tx, principal, ["approver"], unit, today);
    }
    const status = await statusOf(tx, body.form, period, codes);
    const skipped = codes.filter((c) => !outstanding(status.get(c)));
    const reminded = codes.filter((c) => outstanding(status.get(c)));
    const due = dueDate(p, form.dueRule);
    const notices = reminded.flatMap((unit) =>
      [...new Set(assigned.get(unit)?.reporters ?? [])].map((recipient): Notice => {
        const base = {
          kind: "reminder" as const,
          form: body.form,
          period,
          unit,
          recipient,
          step: now.toISOString(),
        };
        return {
          ...base,
          key: noticeKey(base),
          units: [unit],
          dueDate: due,
          count: 0,
          reason: principal.displayName,
        };
      }),
    );
    const told = await storeNotices(tx, notices, names, now);
    const answer: RemindOut = {
      told,
      reminded,
      skipped: skipped.map((unit) => ({ unit, status: status.get(unit) ?? "draft" })),
    };
    await recordAudit(tx, actor, {
      action: "remind",
      objectType: "form",
      objectId: body.form,
      after: { period, ...answer },
    });
    return answer;
  });
}

async function statusOf(conn: Conn, form: string, period: string, units: string[]) {
  const rows = await queryRows<{ unit: string; status: ReportStatus }>(
    conn,
    sql`select u.code as unit, s.status::text as status from submissions s
        join forms f on f.id = s.form_id join units u on u.id = s.unit_id
        where f.code = ${form} and s.period = ${period} and u.code = any(${textArray(units)}::text[])`,
  );
  return new Map(rows.map((r) => [r.unit, r.status]));
}
