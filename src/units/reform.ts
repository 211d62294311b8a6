/**
 * A reorganisation as one operation (issue 13.2): the reform file is planned on the tree of the
 * day before its date (domain/reform), each planned step is compared with what is stored on the
 * date (`create`/`close`/`move`, or `unchanged` when a run of the same file already did it), and,
 * unless it is a dry run and only when there is no problem, written in ONE transaction through the
 * unit service's own audited writes (insertUnits, moveUnitIn, closeUnitIn), and the roll-ups are
 * realigned once by the same function a single move or closure uses. A second run of the same file finds every step
 * unchanged and writes nothing, not even an audit row.
 */
import { sql } from "drizzle-orm";
import { type Principal, requireProvinceAdmin } from "../access/principal.ts";
import { placementsBefore, realignRollups } from "../analytics/rollup.ts";
import { type Actor, recordAuditMany } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Db, Tx } from "../db/client.ts";
import { addDays, isIsoDate } from "../domain/period/index.ts";
import { type PlannedMove, planReform, type ReformPlan, type TreeNode } from "../domain/reform/index.ts";
import { validOn } from "../domain/unit-codes/index.ts";
import { type FieldIssue, fieldIssue } from "../errors/app-error.ts";
import { UnitCodes } from "./codes.ts";
import { type NewUnitDetails, parseReformRows, type ReformFileRow } from "./reform-file.ts";
import { type TouchedByReform, touchedByReform } from "./reform-touched.ts";
import { closeUnitIn, endUnitsIn, insertUnits, moveUnitIn, type Unit } from "./service.ts";
import { treeAsOf } from "./tree.ts";

export type StepAction = "unchanged" | "create" | "close" | "move";

export interface ReformSummary {
  status: "OK" | "ERROR";
  dryRun: boolean;
  date: string | null;
  counts: { open: number; close: number; move: number; unchanged: number; problems: number };
  opens: (ReformPlan["opens"][number] & NewUnitDetails & { action: StepAction })[];
  closes: (ReformPlan["closes"][number] & { action: StepAction })[];
  moves: (PlannedMove & { action: StepAction })[];
  touched: TouchedByReform;
  problems: FieldIssue[];
}

/** The tree in force on `asOf`, by code. */
async function treeByCode(tx: Tx, asOf: string): Promise<Map<string, TreeNode>> {
  const placed = await treeAsOf(tx, asOf);
  const codeOf = new Map(placed.map((p) => [p.id, p.code]));
  return new Map(
    placed.map((p) => [
      p.code,
      {
        code: p.code,
        parentCode: p.parentId === null ? null : (codeOf.get(p.parentId) ?? null),
        level: p.level,
      },
    ]),
  );
}

const problem = (row: number, field: string, vi: string, en: string) =>
  fieldIssue(`rows.${row}.${field}`, vi, en);

/** Each planned step against what is stored on the date: to do, already done, or in the way. */
function compareWithStored(
  plan: ReformPlan,
  details: Map<string, NewUnitDetails>,
  stored: Stored,
  onDate: Map<string, TreeNode>,
  problems: FieldIssue[],
) {
  const date = plan.date ?? "";
  const opens = plan.opens.map((o) => {
    const unit = stored.opens.get(o.code);
    const now = onDate.get(o.code);
    const done = unit?.validFrom === date && now?.parentCode === o.parentCode && now.level === o.level;
    // A predecessor still holding the code hands it over on the date.
    const handedOver = unit !== undefined && unit.id === stored.closes.get(o.code)?.id;
    if (unit && !done && !handedOver) {
      problems.push(
        problem(
          o.row,
          "code",
          `Mã ${o.code} đã dùng cho một đơn vị khác`,
          `Code ${o.code} is used by another unit`,
        ),
      );
    }
    return {
      ...o,
      ...(details.get(o.code) as NewUnitDetails),
      action: (done ? "unchanged" : "create") as StepAction,
    };
  });
  const closes = plan.closes.map((c) => {
    const validTo = stored.closes.get(c.code)?.validTo ?? null;
    if (validTo !== null && validTo !== date) {
      problems.push(
        problem(c.row, "code", `Đơn vị ${c.code} đã giải thể`, `Unit ${c.code} is already closed`),
      );
    }
    return { ...c, action: (validTo === date ? "unchanged" : "close") as StepAction };
  });
  const closeRow = new Map(plan.closes.map((c) => [c.code, c.row]));
  const moves = plan.moves.map((mv) => {
    const now = onDate.get(mv.code);
    const done = now?.parentCode === mv.toParent && now.level === mv.level;
    if (!done && (now?.parentCode !== mv.fromParent || now.level !== mv.fromLevel)) {
      problems.push(
        problem(
          closeRow.get(mv.fromParent ?? "") ?? 0,
          "code",
          `Đơn vị ${mv.code} đã được chuyển sau ngày hiệu lực`,
          `Unit ${mv.code} was already moved on or after the effective date`,
        ),
      );
    }
    return { ...mv, action: (done ? "unchanged" : "move") as StepAction };
  });
  return { opens, closes, moves };
}

/**
 * Previews and (unless `dryRun`) applies a reform file, all or nothing. `principal` null is the
 * operator at the command line; otherwise only an admin of a root unit (the province) may.
 */
export async function applyReform(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  fileRows: readonly ReformFileRow[],
  options: { dryRun: boolean },
): Promise<ReformSummary> {
  if (principal) await requireProvinceAdmin(db, principal, clock.today());
  return db.transaction(async (tx) => {
    if (!options.dryRun) await tx.execute(sql`lock table units in share row exclusive mode`);
    const parsed = parseReformRows(fileRows);
    const firstDate = parsed.rows.find((r) => isIsoDate(r.date))?.date;
    const before = firstDate ? await treeByCode(tx, addDays(firstDate, -1)) : new Map<string, TreeNode>();
    const plan = planReform([...before.values()], parsed.rows);
    const problems = [...parsed.issues, ...plan.problems.map((p) => problem(p.row, p.field, p.vi, p.en))];
    const onDate = plan.date ? await treeByCode(tx, plan.date) : new Map<string, TreeNode>();
    const stored = await storedUnits(tx, plan);
    const steps = compareWithStored(plan, parsed.details, stored, onDate, problems);
    const closedIds = plan.closes.flatMap((c) => stored.closes.get(c.code)?.id ?? []);
    const toDo = [...steps.opens, ...steps.closes, ...steps.moves].filter((s) => s.action !== "unchanged");
    const summary: ReformSummary = {
      status: problems.length > 0 ? "ERROR" : "OK",
      dryRun: options.dryRun,
      date: plan.date,
      counts: {
        open: steps.opens.filter((s) => s.action === "create").length,
        close: steps.closes.filter((s) => s.action === "close").length,
        move: steps.moves.filter((s) => s.action === "move").length,
        unchanged: steps.opens.length + steps.closes.length + steps.moves.length - toDo.length,
        problems: problems.length,
      },
      ...steps,
      touched: await touchedByReform(tx, closedIds),
      problems: problems.sort((a, b) => rowOf(a) - rowOf(b)),
    };
    if (summary.status === "ERROR" || options.dryRun || toDo.length === 0 || !plan.date) return summary;
    await writeReform(tx, actor, plan.date, summary, stored);
    return summary;
  });
}

/** The units the file's codes mean: new units' on the date, closing units' the day before. */
interface Stored {
  opens: Map<string, Unit>;
  closes: Map<string, Unit>;
}

async function storedUnits(tx: Tx, plan: ReformPlan): Promise<Stored> {
  const codes = await UnitCodes.load(
    tx,
    [...plan.opens, ...plan.closes].map((s) => s.code),
  );
  const at = (steps: readonly { code: string }[], on: string | null) =>
    new Map(
      steps
        .flatMap((s) => codes.all(s.code).find((u) => on !== null && validOn(u, on)) ?? [])
        .map((u) => [u.code, u]),
    );
  return {
    opens: at(plan.opens, plan.date),
    closes: at(plan.closes, plan.date ? addDays(plan.date, -1) : null),
  };
}

const rowOf = (issue: FieldIssue) => Number(/^rows\.(\d+)/.exec(issue.path)?.[1] ?? 0);

/**
 * New units and moves level by level (parents first), then the closures, deepest first; the
 * roll-ups are realigned once, from the placements before the whole reform to those after it.
 */
async function writeReform(tx: Tx, actor: Actor, date: string, summary: ReformSummary, stored: Stored) {
  const placements = await placementsBefore(tx);
  // Units whose code a new unit takes end first, so the code is free on the date.
  const reopened = new Set(summary.opens.filter((o) => o.action === "create").map((o) => o.code));
  const handing = summary.closes.filter((c) => c.action === "close" && reopened.has(c.code));
  await endUnitsIn(
    tx,
    handing.flatMap((c) => stored.closes.get(c.code)?.id ?? []),
    date,
  );
  const levels = [...new Set([...summary.opens, ...summary.moves].map((s) => s.level))].sort((a, b) => a - b);
  for (const level of levels) {
    const opens = summary.opens.filter((o) => o.level === level && o.action === "create");
    await insertUnits(
      tx,
      actor,
      opens.map((o) => ({
        code: o.code,
        nameVi: o.nameVi,
        nameEn: o.nameEn,
        kind: o.kind,
        type: o.type,
        groupCode: o.groupCode,
        parentCode: o.parentCode,
        validFrom: date,
        predecessors: o.predecessors.map((p) => ({ code: p.code, kind: p.kind })),
      })),
    );
    for (const mv of summary.moves.filter((m) => m.level === level && m.action === "move")) {
      await moveUnitIn(tx, actor, mv.code, mv.toParent, date, false);
    }
  }
  for (const c of summary.closes.filter((c) => c.action === "close")) {
    const kind = c.successors.some((s) => s.part) ? "split" : "merge";
    await closeUnitIn(tx, actor, c.code, { date, kind, successorCodes: [] }, { realign: false, ended: true });
  }
  await realignRollups(tx, placements);
  await recordAuditMany(tx, actor, [
    {
      action: "reform",
      objectType: "unit",
      objectId: date,
      after: {
        counts: summary.counts,
        closed: summary.closes.map((c) => c.code),
        opened: summary.opens.map((o) => o.code),
      },
    },
  ]);
}
