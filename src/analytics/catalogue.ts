import { type Expr, parseExpression, referencedMetrics } from "../domain/expression/index.ts";
import type { MetricRow } from "./queries.ts";

/** The metric catalogue (danh mục chỉ số) of one data version, with formulas parsed once. */
export class MetricCatalogue {
  private readonly byCode = new Map<string, MetricRow>();
  private readonly asts = new Map<number, Expr | null>();

  constructor(metrics: readonly MetricRow[]) {
    for (const m of metrics) {
      this.byCode.set(m.code, m);
    }
  }

  /** Every metric of the catalogue. */
  all(): MetricRow[] {
    return [...this.byCode.values()];
  }

  get(code: string): MetricRow | undefined {
    return this.byCode.get(code);
  }

  /** The parsed formula of a `formula` metric; null when it has none or it does not parse. */
  formula(metric: MetricRow): Expr | null {
    if (metric.aggregation !== "formula" || !metric.formula) return null;
    if (!this.asts.has(metric.id)) {
      const parsed = parseExpression(metric.formula);
      this.asts.set(metric.id, parsed.ok ? parsed.ast : null);
    }
    return this.asts.get(metric.id) ?? null;
  }

  /**
   * The metrics whose stored values the requested ones need: themselves, what their formulas
   * reference at any depth, and the weights of weighted averages. Formulas have no stored values.
   */
  storedClosure(requested: readonly MetricRow[]): number[] {
    const seen = new Set<number>();
    const stored = new Set<number>();
    const stack = [...requested];
    for (let m = stack.pop(); m !== undefined; m = stack.pop()) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      const ast = this.formula(m);
      if (ast) {
        for (const code of referencedMetrics(ast)) {
          const ref = this.get(code);
          if (ref) stack.push(ref);
        }
      } else if (m.aggregation !== "formula") {
        stored.add(m.id);
        if (m.aggregation === "average" && m.weightMetricId !== null) stored.add(m.weightMetricId);
      }
    }
    return [...stored];
  }
}
