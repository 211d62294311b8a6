/** Freshness: from approving a report to its figure in the analytics answer (no batch in between). */
import { sql } from "drizzle-orm";
import type { Principal } from "../src/access/principal.ts";
import { analytics } from "../src/analytics/service.ts";
import type { Conn } from "../src/db/client.ts";
import { queryRows } from "../src/db/rows.ts";
import { approve } from "../src/submissions/workflow.ts";
import { FORM, type Tree } from "./dataset.ts";
import { actor, heldBack } from "./load.ts";

async function totalS01(conn: Conn, principal: Principal, root: string, period: string): Promise<number> {
  const res = await analytics(conn, principal, {
    dimension: ["dx:S01"],
    filter: [`pe:${period}`, `ou:${root}`],
  });
  return Number(res.rows[0]?.[1] ?? 0);
}

/** Milliseconds from the approval call to an analytics answer that includes it; null when already approved. */
export async function freshness(conn: Conn, principal: Principal, tree: Tree): Promise<number | null> {
  const held = heldBack(tree);
  const [report] = await queryRows<{ id: number; version: number; value: number }>(
    conn,
    sql`select s.id, s.version, dv.value from submissions s
        join forms f on f.id = s.form_id and f.code = ${FORM}
        join units u on u.id = s.unit_id and u.code = ${held.unit}
        join data_values dv on dv.submission_id = s.id and dv.metric_id = (select id from metrics where code = 'S01')
        where s.period = ${held.period} and s.status = 'submitted'`,
  );
  if (!report) return null;
  const expected = (await totalS01(conn, principal, tree.root, held.period)) + report.value;
  const t0 = performance.now();
  await approve(conn, actor, null, report.id, report.version);
  while ((await totalS01(conn, principal, tree.root, held.period)) !== expected) {
    if (performance.now() - t0 > 60_000) throw new Error("the approved figure never showed in analytics");
  }
  return performance.now() - t0;
}
