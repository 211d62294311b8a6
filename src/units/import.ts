/**
 * Loading a province's official unit list (issue 12): each row of the file is previewed as
 * `create`, `unchanged` (the unit is already stored exactly so) or `rejected` (with the field and
 * why), then, unless it is a dry run and only when no row is rejected, the new units are written
 * in ONE transaction through `insertUnits`, the same audited write as POST /api/units. The import
 * only adds: a stored unit that differs from its row is rejected, never changed (moves and
 * closures keep their history through their own routes). A second import of the same file finds
 * every row unchanged and writes nothing, not even an audit row.
 */
import { sql } from "drizzle-orm";
import { isProvinceAdmin, type Principal, requireRole, unitInScope } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";
import type { Db } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { AppError } from "../errors/app-error.ts";
import { rejectRow, summarise } from "../files/import-rows.ts";
import { zodIssuesToFieldIssues } from "../http/zod-validation.ts";
import type { UnitFileRow } from "./import-file.ts";
import {
  difference,
  type Stored,
  storedUnits,
  successionKind,
  type UnitImportRow,
  type UnitImportSummary,
  type UnitRow,
  unitRowSchema,
} from "./import-rows.ts";
import { insertUnits, type NewUnit } from "./service.ts";

export interface UnitImportOptions {
  dryRun: boolean;
}

/**
 * Previews and (unless `dryRun`) writes a unit list, all or nothing. `principal` null is the
 * operator at the command line (`chiso units import`), who may create anything; an admin may
 * create units only under units in its admin scope, and a new root (no parent) only as the
 * province admin or on an install that has no unit yet.
 */
export async function importUnits(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  fileRows: UnitFileRow[],
  options: UnitImportOptions,
): Promise<UnitImportSummary> {
  if (principal) requireRole(principal, ["admin"]);
  return db.transaction(async (tx) => {
    // Two imports at once would both see a code as new; the second waits and then sees it stored.
    if (!options.dryRun) await tx.execute(sql`lock table units in share row exclusive mode`);
    const today = clock.today();
    const out: UnitImportRow[] = [];
    const parsed = new Map<string, { row: UnitRow; out: UnitImportRow }>();

    for (const fileRow of fileRows) {
      const result = unitRowSchema.safeParse(fileRow.fields);
      const o: UnitImportRow = {
        row: fileRow.row,
        code: fileRow.fields.code ?? null,
        action: "create",
        level: null,
        issues: [],
      };
      out.push(o);
      if (!result.success) {
        o.action = "rejected";
        o.issues.push(...zodIssuesToFieldIssues(result.error.issues, `rows.${fileRow.row}`));
        continue;
      }
      const row = result.data;
      const first = parsed.get(row.code);
      if (first) {
        rejectRow(
          o,
          "code",
          `Mã ${row.code} đã có ở dòng ${first.out.row}`,
          `Code ${row.code} is already on row ${first.out.row}`,
        );
        continue;
      }
      parsed.set(row.code, { row, out: o });
    }

    const referenced = [...parsed.values()].flatMap(({ row }) => [
      row.code,
      ...(row.parentCode ? [row.parentCode] : []),
      ...row.predecessorCodes,
    ]);
    const stored = await storedUnits(tx, referenced);

    // Stored units: unchanged when the row says exactly what is stored, otherwise rejected.
    for (const { row, out: o } of parsed.values()) {
      const s = stored.get(row.code);
      if (!s) continue;
      const diff = difference(row, s);
      if (diff) {
        rejectRow(
          o,
          diff.field,
          `Đơn vị ${row.code} đã có với giá trị khác (${diff.stored || "trống"}); việc nhập không sửa đơn vị đã có`,
          `Unit ${row.code} is stored with another value (${diff.stored || "empty"}); an import does not change stored units`,
        );
      } else {
        o.action = "unchanged";
        o.level = s.level;
      }
    }

    // New units: the parent is a row of the file or a stored unit; the level follows from it.
    const levelOf = new Map<string, number | null>();
    const anchorOf = new Map<string, Stored | null>();
    const resolve = (code: string, path: Set<string>): number | null => {
      if (levelOf.has(code)) return levelOf.get(code) ?? null;
      const entry = parsed.get(code);
      if (entry?.out.action !== "create") return null;
      const { row, out: o } = entry;
      let level: number | null = null;
      if (!row.parentCode) {
        level = 1;
        anchorOf.set(code, null);
      } else if (path.has(row.parentCode)) {
        rejectRow(o, "parentCode", "Mã cấp trên tạo thành vòng lặp", "The parent codes form a loop");
      } else if (parsed.get(row.parentCode)?.out.action === "create") {
        const parentLevel = resolve(row.parentCode, new Set([...path, code]));
        if (parentLevel === null) {
          const p = parsed.get(row.parentCode)?.out.row;
          rejectRow(
            o,
            "parentCode",
            `Đơn vị cấp trên ${row.parentCode} (dòng ${p}) bị từ chối`,
            `The parent ${row.parentCode} (row ${p}) is rejected`,
          );
        } else {
          level = parentLevel + 1;
          anchorOf.set(code, anchorOf.get(row.parentCode) ?? null);
          if ((parsed.get(row.parentCode)?.row.validFrom ?? "") > row.validFrom) {
            level = null;
            rejectRow(
              o,
              "validFrom",
              `Ngày hiệu lực trước ngày của đơn vị cấp trên ${row.parentCode}`,
              `The start date is before that of the parent ${row.parentCode}`,
            );
          }
        }
      } else {
        const parent = stored.get(row.parentCode);
        if (
          !parent ||
          (parsed.has(row.parentCode) && parsed.get(row.parentCode)?.out.action === "rejected")
        ) {
          rejectRow(
            o,
            "parentCode",
            `Không có đơn vị cấp trên mã ${row.parentCode}`,
            `No parent unit ${row.parentCode}`,
          );
        } else if (parent.unit.validTo) {
          rejectRow(
            o,
            "parentCode",
            `Đơn vị cấp trên ${row.parentCode} đã giải thể`,
            `The parent ${row.parentCode} is closed`,
          );
        } else {
          level = parent.level + 1;
          anchorOf.set(code, parent);
        }
      }
      if (level !== null && level > 6) {
        rejectRow(o, "parentCode", "Cây đơn vị quá sâu", "Unit tree too deep");
        level = null;
      }
      if (level !== null && row.level !== undefined && row.level !== level) {
        rejectRow(
          o,
          "level",
          `Cấp ${row.level} không khớp với đơn vị cấp trên (phải là ${level})`,
          `Level ${row.level} does not match the parent (it must be ${level})`,
        );
        level = null;
      }
      levelOf.set(code, level);
      o.level = level;
      return level;
    };
    for (const code of parsed.keys()) resolve(code, new Set());

    // Predecessors: stored units or other rows of the file, never the unit itself.
    const successorsOf = new Map<string, number>();
    for (const { row, out: o } of parsed.values()) {
      if (o.action !== "create") continue;
      row.predecessorCodes.forEach((p, i) => {
        const known = stored.has(p) || (parsed.has(p) && parsed.get(p)?.out.action !== "rejected");
        if (!known || p === row.code) {
          rejectRow(
            o,
            `predecessorCodes.${i}`,
            `Không có đơn vị tiền thân mã ${p}`,
            `No predecessor unit ${p}`,
          );
        }
        successorsOf.set(p, (successorsOf.get(p) ?? 0) + 1);
      });
    }

    // Scope: an admin creates under the units it administers; a new root needs the province admin.
    if (principal) {
      const empty =
        (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from units`))[0]?.n === 0;
      const provinceAdmin = await isProvinceAdmin(tx, principal, today);
      const inScope = new Map<number, boolean>();
      for (const [code, { out: o }] of parsed) {
        if (o.action !== "create") continue;
        const anchor = anchorOf.get(code);
        if (anchor === undefined) continue;
        if (anchor === null) {
          if (!provinceAdmin && !empty) {
            rejectRow(
              o,
              "parentCode",
              "Chỉ quản trị viên cấp tỉnh mới tạo được đơn vị gốc (không có cấp trên)",
              "Only the province admin can create a root unit (one without a parent)",
            );
          }
          continue;
        }
        const id = anchor.unit.id;
        if (!inScope.has(id)) inScope.set(id, await unitInScope(tx, principal, ["admin"], id, today));
        if (!inScope.get(id)) {
          rejectRow(
            o,
            "parentCode",
            `Đơn vị ${anchor.unit.code} ngoài phạm vi quản trị của bạn`,
            `Unit ${anchor.unit.code} is outside your admin scope`,
          );
        }
      }
    }

    // A child of a row rejected by a later check is rejected too.
    let changed = true;
    while (changed) {
      changed = false;
      for (const { row, out: o } of parsed.values()) {
        const parent = row.parentCode ? parsed.get(row.parentCode) : undefined;
        if (o.action === "create" && parent?.out.action === "rejected") {
          rejectRow(
            o,
            "parentCode",
            `Đơn vị cấp trên ${row.parentCode} (dòng ${parent.out.row}) bị từ chối`,
            `The parent ${row.parentCode} (row ${parent.out.row}) is rejected`,
          );
          changed = true;
        }
      }
    }

    const summary = summarise(out, options.dryRun);
    if (summary.status === "ERROR" || options.dryRun || summary.counts.create === 0) return summary;

    // Parents before children, otherwise in the file's order (a file in tree order is written as is).
    const creates: { row: UnitRow; out: UnitImportRow }[] = [];
    const placed = new Set<string>();
    const place = (code: string) => {
      const entry = parsed.get(code);
      if (entry?.out.action !== "create" || placed.has(code)) return;
      placed.add(code);
      if (entry.row.parentCode) place(entry.row.parentCode);
      creates.push(entry);
    };
    for (const code of parsed.keys()) place(code);
    const input: NewUnit[] = creates.map(({ row }) => ({
      code: row.code,
      nameVi: row.nameVi,
      nameEn: row.nameEn ?? null,
      kind: row.kind,
      type: row.type,
      groupCode: row.groupCode ?? null,
      parentCode: row.parentCode ?? null,
      validFrom: row.validFrom,
      validTo: row.validTo ?? null,
      predecessors: row.predecessorCodes.map((code) => ({
        code,
        kind: successionKind(row, successorsOf, code),
      })),
    }));
    try {
      await insertUnits(tx, actor, input);
    } catch (error) {
      // insertUnits names the position in its input; name the file's row instead.
      if (!(error instanceof AppError)) throw error;
      const details = error.details.map((d) => {
        const m = /^(\d+)\.(.*)$/.exec(d.path);
        const at = m ? creates[Number(m[1])]?.out.row : undefined;
        return at === undefined ? d : { ...d, path: `rows.${at}.${m?.[2]}` };
      });
      throw new AppError(error.code, error.params, details, error.body);
    }
    return summary;
  });
}
