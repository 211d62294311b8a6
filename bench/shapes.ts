/**
 * The six fixed analytics shapes, each answered twice: by chiso's services and by plain GROUP BY
 * SQL over the raw values table. Both answers are maps key → number (or status), compared first.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Principal } from "../src/access/principal.ts";
import { analytics } from "../src/analytics/service.ts";
import type { Conn } from "../src/db/client.ts";
import { queryRows } from "../src/db/rows.ts";
import { planStatus } from "../src/plans/status.ts";
import { completenessOver } from "../src/submissions/completeness.ts";
import { buildMetrics, FORM, PLAN, periods, ratios, type Scale, type Tree } from "./dataset.ts";
import { ancestorAt, approved, ratioSql, storedAggregates } from "./sql.ts";

export type Answer = Map<string, number | string>;

export interface ShapeRun {
  name: string;
  chiso: () => Promise<Answer>;
  sql: () => Promise<Answer>;
}

export interface ShapeContext {
  conn: Conn;
  principal: Principal;
  tree: Tree;
  scale: Scale;
}

const allCodes = buildMetrics().map((m) => m.code);
const months2025 = periods.filter((p) => p.startsWith("2025"));

/** Rows of a DHIS2-shaped answer keyed by their meta columns. */
async function analyticsAnswer(
  ctx: ShapeContext,
  dimension: string[],
  filter: string[] = [],
): Promise<Answer> {
  const res = await analytics(ctx.conn, ctx.principal, { dimension, filter });
  return new Map(res.rows.map((row) => [row.slice(0, -1).join("|"), Number(row.at(-1))]));
}

async function sqlAnswer(conn: Conn, query: SQL): Promise<Answer> {
  const rows = await queryRows<{ key: string; value: number | string | null }>(conn, query);
  return new Map(rows.filter((r) => r.value !== null).map((r) => [r.key, r.value as number | string]));
}

export function shapeRuns(ctx: ShapeContext): ShapeRun[] {
  const national = ctx.scale === "national";
  const provinceLevel = national ? 2 : 1;
  const districtLevel = provinceLevel + 1;
  const province = ctx.tree.provinces[0] ?? "";
  const commune = ctx.tree.communes[0] ?? "";
  const { conn } = ctx;
  return [
    {
      name: "one metric by province, a year",
      chiso: () => analyticsAnswer(ctx, ["dx:S01", "pe:2025", `ou:LEVEL-${provinceLevel}`]),
      sql: () =>
        sqlAnswer(
          conn,
          sql`select 'S01|2025|' || a.code as key, sum(dv.value)::float8 as value
              from ${approved} join ${ancestorAt(provinceLevel)} a on a.unit_id = dv.unit_id
              where dv.metric_id = (select id from metrics where code = 'S01')
                and dv.period_start >= '2025-01-01' and dv.period_end <= '2025-12-31'
              group by a.code`,
        ),
    },
    {
      name: "ratio by district, a quarter",
      chiso: () => analyticsAnswer(ctx, ["dx:R01", "pe:2025Q4", `ou:LEVEL-${districtLevel}`]),
      sql: () =>
        sqlAnswer(
          conn,
          sql`select 'R01|2025Q4|' || a.code as key, ${ratioSql("S02", "S01")} as value
              from ${approved} join ${ancestorAt(districtLevel)} a on a.unit_id = dv.unit_id
              where dv.period_start >= '2025-10-01' and dv.period_end <= '2025-12-31'
              group by a.code`,
        ),
    },
    {
      name: "all metrics of a commune, 60 months",
      chiso: () =>
        analyticsAnswer(ctx, [`dx:${allCodes.join(";")}`, `pe:${periods.join(";")}`, `ou:${commune}`]),
      sql: async () => {
        const stored = await sqlAnswer(
          conn,
          sql`select m.code || '|' || dv.period || '|' || ${commune} as key, dv.value
              from ${approved} join metrics m on m.id = dv.metric_id
              where dv.unit_id = (select id from units where code = ${commune})`,
        );
        for (const [code, num, den] of ratios) {
          const part = await sqlAnswer(
            conn,
            sql`select ${code} || '|' || dv.period || '|' || ${commune} as key, ${ratioSql(num, den)} as value
                from ${approved} where dv.unit_id = (select id from units where code = ${commune})
                group by dv.period`,
          );
          for (const [k, v] of part) stored.set(k, v);
        }
        return stored;
      },
    },
    {
      name: "completeness grid of a province, a year",
      chiso: async () => {
        const out: Answer = new Map();
        const year = { form: FORM, from: "202501", to: "202512", unit: province };
        for (const res of await completenessOver(conn, ctx.principal, year)) {
          for (const u of res.byUnit) out.set(`${u.unit}|${res.period}`, u.status);
        }
        return out;
      },
      sql: () =>
        sqlAnswer(
          conn,
          sql`select u.code || '|' || p.period as key, coalesce(s.status::text, 'missing') as value
              from form_units fu join forms f on f.id = fu.form_id and f.code = ${FORM}
              join units u on u.id = fu.unit_id
              join ${ancestorAt(provinceLevel)} a on a.unit_id = u.id and a.code = ${province}
              cross join unnest(${`{${months2025.join(",")}}`}::text[]) as p(period)
              left join submissions s on s.form_id = f.id and s.unit_id = u.id and s.period = p.period`,
        ),
    },
    {
      name: "the plan's statuses, a province",
      chiso: async () => {
        const res = await planStatus(conn, null, PLAN, "202512");
        return new Map(res.indicators.map((i) => [`${i.code}|${i.valuePeriod}`, i.value ?? Number.NaN]));
      },
      sql: async () => {
        const out: Answer = new Map();
        for (const [code, num, den] of ratios) {
          const part = await sqlAnswer(
            conn,
            sql`select 'CT-' || ${code} || '|202512' as key, ${ratioSql(num, den)} as value
                from ${approved} join ${ancestorAt(provinceLevel)} a on a.unit_id = dv.unit_id
                where a.code = ${province} and dv.period = '202512'`,
          );
          for (const [k, v] of part) out.set(k, v);
        }
        return out;
      },
    },
    {
      name: "national total of every metric, a month",
      chiso: () => analyticsAnswer(ctx, [`dx:${allCodes.join(";")}`, "pe:202512", `ou:${ctx.tree.root}`]),
      sql: async () => {
        const out = await sqlAnswer(conn, storedAggregates("202512", ctx.tree.root));
        for (const [code, num, den] of ratios) {
          const part = await sqlAnswer(
            conn,
            sql`select ${code} || '|202512|' || ${ctx.tree.root} as key, ${ratioSql(num, den)} as value
                from ${approved} where dv.period = '202512'`,
          );
          for (const [k, v] of part) out.set(k, v);
        }
        return out;
      },
    },
  ];
}
