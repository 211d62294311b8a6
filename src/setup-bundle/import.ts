/**
 * Importing a setup bundle (`chiso setup import`): each metric, form, form version and rule is
 * previewed as `create`, `update`, `unchanged` or `rejected` (with the bundle path and why). The
 * writes go through the services the API uses (createMetrics, updateMetric, createForm,
 * changeFormVersion), each audited, inside ONE transaction: every check of the API applies, and
 * a refused write rejects its row. Any rejected row, or a dry run, rolls the whole transaction
 * back, audit rows included. A second import of the same bundle finds everything unchanged and
 * writes nothing.
 */
import { sql } from "drizzle-orm";
import type { Actor } from "../audit/audit.ts";
import type { Db, Tx } from "../db/client.ts";
import {
  attachIssues,
  type Issue,
  planSetup,
  type SetupPlan,
  type SetupSummary,
  summariseSetup,
} from "../domain/setup-bundle/index.ts";
import { AppError } from "../errors/app-error.ts";
import { createForm } from "../forms/service.ts";
import { changeFormVersion } from "../forms/versions.ts";
import { parseInput } from "../metrics/parse-input.ts";
import type { MetricView } from "../metrics/schema.ts";
import { cleanMetric, createMetrics, listMetrics, updateMetric } from "../metrics/service.ts";
import { setupBundleSchema } from "./schema.ts";
import { type FormRecord, formRecord, storedForm } from "./store.ts";

/** Runs one service write; its refusal comes back as issues at bundle paths (`place` maps them). */
async function attempt(place: (path: string) => string, write: () => Promise<unknown>): Promise<Issue[]> {
  try {
    await write();
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.details.length === 0)
      return [{ path: place(""), message: error.messageVi, message_en: error.messageEn }];
    return error.details.map((d) => ({ ...d, path: place(d.path) }));
  }
}

const under = (prefix: string) => (path: string) => (path ? `${prefix}.${path}` : prefix);

/** New metrics in one batch (formulas and weights may name each other), then the changed ones. */
async function writeMetrics(tx: Tx, actor: Actor, wanted: MetricView[], plan: SetupPlan): Promise<Issue[]> {
  const issues: Issue[] = [];
  const at = (n: number) => `metrics.${n}`;
  if (plan.newMetrics.length) {
    const batch = wanted.filter((_, i) => plan.newMetrics.includes(i));
    // createMetrics names a field `N.field`, N the position in the batch.
    const place = (path: string) => {
      const [n, ...rest] = path.split(".");
      return under(at(plan.newMetrics[Number(n)] ?? plan.newMetrics[0] ?? 0))(rest.join("."));
    };
    issues.push(...(await attempt(place, () => createMetrics(tx, actor, batch))));
  }
  for (const i of plan.changedMetrics) {
    const { code, ...patch } = wanted[i] as MetricView;
    issues.push(...(await attempt(under(at(i)), () => updateMetric(tx, actor, code, patch))));
  }
  return issues;
}

async function writeForm(tx: Tx, actor: Actor, form: FormRecord, at: string, create: boolean, from: number) {
  const issues: Issue[] = [];
  const [first] = form.versions;
  if (create && first) {
    // createForm names the first version's metrics and rules `metrics.N`, `rules.N`.
    const place = (path: string) =>
      /^(metrics|rules)\./.test(path) ? `${at}.versions.0.${path}` : under(at)(path);
    const input = {
      code: form.code,
      ...form.settings,
      metrics: first.metrics,
      rules: first.rules,
      unitCodes: [],
    };
    issues.push(...(await attempt(place, () => createForm(tx, actor, input))));
    if (issues.length) return issues;
  }
  for (let i = Math.max(from, 1); i < form.versions.length; i++) {
    const v = form.versions[i];
    if (!v?.validFrom) continue;
    const input = { validFrom: v.validFrom, metrics: v.metrics, rules: v.rules };
    const found = await attempt(under(`${at}.versions.${i}`), () =>
      changeFormVersion(tx, actor, form.code, input),
    );
    issues.push(...found);
    if (found.length) break;
  }
  return issues;
}

class Undo extends Error {
  constructor(readonly summary: SetupSummary) {
    super("setup import rolled back");
  }
}

/**
 * Previews and (unless `dryRun`) writes a setup bundle, all or nothing, as `actor`. A file that
 * is not a bundle is refused whole (400 with the field paths); otherwise the answer lists every
 * row. Nothing is written when a row is rejected or in a dry run.
 */
export async function importSetup(
  db: Db,
  actor: Actor,
  input: unknown,
  options: { dryRun: boolean },
): Promise<SetupSummary> {
  const bundle = parseInput(setupBundleSchema, input);
  const wanted = {
    metrics: bundle.metrics.map((m, i) => cleanMetric(m, `metrics.${i}`)),
    forms: bundle.forms.map(formRecord),
  };
  try {
    return await db.transaction(async (tx) => {
      // Two imports at once would both see a code as new; the second waits, then sees it stored.
      if (!options.dryRun) await tx.execute(sql`lock table metrics, forms in share row exclusive mode`);
      const stored = { metrics: await listMetrics(tx), forms: [] as FormRecord[] };
      for (const f of wanted.forms) {
        const found = await storedForm(tx, f.code);
        if (found) stored.forms.push(found);
      }
      const plan = planSetup(wanted, stored);
      const issues = await writeMetrics(tx, actor, wanted.metrics, plan);
      for (const f of plan.forms) {
        const form = wanted.forms[f.index] as FormRecord;
        issues.push(...(await writeForm(tx, actor, form, `forms.${f.index}`, f.create, f.from)));
      }
      attachIssues(plan.rows, issues);
      const summary = summariseSetup(plan.rows, options.dryRun);
      if (summary.status === "ERROR" || options.dryRun) throw new Undo(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof Undo) return error.summary;
    throw error;
  }
}
