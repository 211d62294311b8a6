import { sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { type Notice, noticeKey } from "../domain/notices/index.ts";
import { storeNotices } from "./store.ts";

interface ReturnedRow {
  id: number;
  form: string;
  formVi: string;
  formEn: string | null;
  unit: string;
  unitVi: string;
  unitEn: string | null;
  period: string;
  reason: string;
  submittedBy: number | null;
}

/**
 * Báo cáo bị trả lại: tells the one who submitted the report and the unit's reporters (on the
 * unit itself) at once, in the transaction of the return. The step is the moment of the return,
 * so a report returned twice is told twice.
 */
export async function noticeReturned(tx: Conn, submissionId: number, at: Date): Promise<void> {
  const [r] = await queryRows<ReturnedRow>(
    tx,
    sql`select s.id, f.code as form, f.name_vi as "formVi", f.name_en as "formEn", u.code as unit,
               u.name_vi as "unitVi", u.name_en as "unitEn", s.period, s.return_reason as reason,
               s.submitted_by as "submittedBy"
        from submissions s join forms f on f.id = s.form_id join units u on u.id = s.unit_id
        where s.id = ${submissionId}`,
  );
  if (!r) return;
  const reporters = await queryRows<{ id: number }>(
    tx,
    sql`select g.user_id as id from user_grants g join users u on u.id = g.user_id
        where g.role = 'reporter' and u.active and g.unit_id = (select unit_id from submissions where id = ${r.id})`,
  );
  const recipients = [...new Set([...(r.submittedBy ? [r.submittedBy] : []), ...reporters.map((u) => u.id)])];
  const notices = recipients.map((recipient): Notice => {
    const base = {
      kind: "returned" as const,
      form: r.form,
      period: r.period,
      unit: r.unit,
      recipient,
      step: at.toISOString(),
    };
    return { ...base, key: noticeKey(base), units: [r.unit], dueDate: null, count: 0, reason: r.reason };
  });
  const names = {
    form: (_: string, lang: string) => (lang === "en" ? r.formEn : null) ?? r.formVi,
    unit: (_: string, lang: string) => (lang === "en" ? r.unitEn : null) ?? r.unitVi,
  };
  await storeNotices(tx, notices, names, at);
}
