import { eq, sql } from "drizzle-orm";
import { rebuildRollups } from "../analytics/rollup-rebuild.ts";
import { type Actor, type AuditEntry, recordAuditMany } from "../audit/audit.ts";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { metrics } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import { AppError, conflict, fieldIssue, invalid, notFound } from "../errors/app-error.ts";
import { parseInput } from "./parse-input.ts";
import {
  type MetricInput,
  type MetricPatch,
  type MetricView,
  metricInputSchema,
  metricPatchSchema,
} from "./schema.ts";
import { type MetricFacts, metricIssues } from "./validate.ts";

const selectViews = (where: ReturnType<typeof sql>) => sql`
  select m.code, m.name_vi as "nameVi", m.name_en as "nameEn", m.value_type as "valueType",
         m.aggregation, m.unit_of_measure as "unitOfMeasure", m.min_value as "minValue",
         m.max_value as "maxValue", m.formula, w.code as "weightMetricCode", m.description
  from metrics m left join metrics w on w.id = m.weight_metric_id
  where ${where} order by m.code`;

/** Every metric (chỉ số thống kê), by code. */
export async function listMetrics(conn: Conn): Promise<MetricView[]> {
  return queryRows<MetricView>(conn, selectViews(sql`true`));
}

export async function metricByCode(conn: Conn, code: string): Promise<MetricView> {
  const [found] = await queryRows<MetricView>(conn, selectViews(sql`m.code = ${code}`));
  if (!found) throw notFound("chỉ số", "metric", code);
  return found;
}

async function knownMetrics(conn: Conn): Promise<Map<string, MetricFacts>> {
  const all = await listMetrics(conn);
  return new Map(all.map((m) => [m.code, m]));
}

/** Trims and normalises what users typed; empty optional text becomes null. */
export function cleanMetric(input: MetricInput, at: string): MetricView {
  const m = parseInput(metricInputSchema, input, at.replace(/\.$/, ""));
  const text = (s: string | null | undefined) => (s?.trim() ? nfc(s.trim()) : null);
  return {
    code: m.code,
    nameVi: nfc(m.nameVi),
    nameEn: text(m.nameEn),
    valueType: m.valueType,
    aggregation: m.aggregation,
    unitOfMeasure: text(m.unitOfMeasure),
    minValue: m.minValue ?? null,
    maxValue: m.maxValue ?? null,
    formula: text(m.formula),
    weightMetricCode: m.weightMetricCode ?? null,
    description: text(m.description),
  };
}

function row(m: MetricView, idOf: ReadonlyMap<string, number>) {
  const { weightMetricCode, code, ...rest } = m;
  return { ...rest, code, weightMetricId: weightMetricCode ? (idOf.get(weightMetricCode) ?? null) : null };
}

/**
 * Creates metrics in one transaction; a formula or weight may name another metric of the same
 * batch. The whole batch is refused on the first duplicate code or with every invalid field.
 * Paths are `N.field` (N the position in the list).
 */
export async function createMetrics(db: Conn, actor: Actor, list: MetricInput[]): Promise<MetricView[]> {
  return createIn(db, actor, list, (i) => `${i}.`);
}

/** Creates one metric; issues name the field alone (`formula`). */
export async function createMetric(db: Conn, actor: Actor, input: MetricInput): Promise<MetricView> {
  const [created] = await createIn(db, actor, [input], () => "");
  if (!created) throw new AppError("INTERNAL");
  return created;
}

async function createIn(db: Conn, actor: Actor, list: MetricInput[], at: (i: number) => string) {
  return db.transaction(async (tx) => {
    const batch = list.map((input, i) => cleanMetric(input, at(i)));
    const known = await knownMetrics(tx);
    for (const m of batch) {
      if (known.has(m.code)) throw conflict("mã chỉ số", "metric code", m.code);
      known.set(m.code, m);
    }
    const issues = batch.flatMap((m, i) => metricIssues(m, known, at(i)));
    if (issues.length) throw invalid(...issues);
    const inserted = await tx
      .insert(metrics)
      .values(batch.map((m) => row({ ...m, weightMetricCode: null }, new Map())))
      .returning({ id: metrics.id, code: metrics.code });
    const idOf = new Map([...(await codeIds(tx)), ...inserted.map((r) => [r.code, r.id] as const)]);
    for (const m of batch.filter((b) => b.weightMetricCode)) {
      await tx.update(metrics).set(row(m, idOf)).where(eq(metrics.code, m.code));
    }
    const audit: AuditEntry[] = batch.map((m) => ({
      action: "create",
      objectType: "metric",
      objectId: m.code,
      after: m,
    }));
    await recordAuditMany(tx, actor, audit);
    return batch;
  });
}

async function codeIds(conn: Conn): Promise<Map<string, number>> {
  const rows = await conn.select({ id: metrics.id, code: metrics.code }).from(metrics);
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function hasValues(conn: Conn, code: string): Promise<boolean> {
  const [found] = await queryRows<{ n: number }>(
    conn,
    sql`select count(*)::int as n from data_values d join metrics m on m.id = d.metric_id where m.code = ${code}`,
  );
  return (found?.n ?? 0) > 0;
}

/** Changes a metric's fields (not its code). The value type is frozen once values exist. */
export async function updateMetric(
  db: Conn,
  actor: Actor,
  code: string,
  patch: MetricPatch,
): Promise<MetricView> {
  const changes = parseInput(metricPatchSchema, patch);
  return db.transaction(async (tx) => {
    const before = await metricByCode(tx, code);
    const merged = cleanMetric({ ...before, ...stripUndefined(changes), code }, "");
    if (merged.valueType !== before.valueType && (await hasValues(tx, code))) {
      throw invalid(
        fieldIssue(
          "valueType",
          "Không đổi được kiểu giá trị của chỉ số đã có số liệu",
          "The value type cannot change once values are stored",
        ),
      );
    }
    const known = await knownMetrics(tx);
    known.set(code, merged);
    const issues = metricIssues(merged, known);
    if (issues.length) throw invalid(...issues);
    await tx
      .update(metrics)
      .set(row(merged, await codeIds(tx)))
      .where(eq(metrics.code, code));
    // Weighted averages are rolled up with their weight: a new weight recomputes that metric's roll-ups.
    if ((merged.weightMetricCode ?? null) !== (before.weightMetricCode ?? null))
      await rebuildRollups(tx, { metricIds: [(await codeIds(tx)).get(code) ?? -1] });
    await recordAuditMany(tx, actor, [
      { action: "update", objectType: "metric", objectId: code, before, after: merged },
    ]);
    return merged;
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
