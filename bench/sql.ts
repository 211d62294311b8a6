/** Plain SQL building blocks of the baseline answers: no roll-ups, no caches, no chiso code. */
import { type SQL, sql } from "drizzle-orm";

/** `data_values dv` of approved reports only, joined to their report `s`. */
export const approved = sql`data_values dv join submissions s on s.id = dv.submission_id and s.status = 'approved'`;

/** Every unit with its ancestor (or itself) at `level` in today's tree: `(unit_id, code)`. */
export function ancestorAt(level: number): SQL {
  return sql`(with recursive up(unit_id, anc_id) as (
                select unit_id, unit_id from unit_placements where valid_to is null
                union all
                select up.unit_id, p.parent_id from up
                join unit_placements p on p.unit_id = up.anc_id and p.valid_to is null
                where p.parent_id is not null)
              select up.unit_id, u.code from up
              join unit_placements pa on pa.unit_id = up.anc_id and pa.valid_to is null and pa.level = ${level}
              join units u on u.id = up.anc_id)`;
}

const metricId = (code: string) => sql`(select id from metrics where code = ${code})`;

/** Σ numerator / Σ denominator × 100 over the grouped rows; no value when Σ denominator is 0. */
export function ratioSql(num: string, den: string): SQL {
  return sql`(sum(dv.value) filter (where dv.metric_id = ${metricId(num)})
              / nullif(sum(dv.value) filter (where dv.metric_id = ${metricId(den)}), 0) * 100)::float8`;
}

/**
 * Every stored metric over the whole tree for one month, by its rule: sums and stocks add up
 * (one month: each unit's latest is its only value), averages are plain or weighted by the
 * weight metric of the same report; `none` has no total.
 */
export function storedAggregates(period: string, root: string): SQL {
  return sql`select m.code || '|' || ${period} || '|' || ${root} as key,
                    (case when m.aggregation = 'average' and m.weight_metric_id is null then avg(dv.value)
                          when m.aggregation = 'average' then sum(dv.value * w.value) / nullif(sum(w.value), 0)
                          else sum(dv.value) end)::float8 as value
             from ${approved} join metrics m on m.id = dv.metric_id
             left join data_values w on w.submission_id = dv.submission_id and w.metric_id = m.weight_metric_id
             where dv.period = ${period} and m.aggregation in ('sum', 'last', 'average')
             group by m.code, m.aggregation, m.weight_metric_id`;
}
