import { asc, inArray, or, sql } from "drizzle-orm";
import type { Principal } from "../access/principal.ts";
import { type Actor, recordAudit } from "../audit/audit.ts";
import type { Conn, Db } from "../db/client.ts";
import { assessments, assessmentUnits, units } from "../db/schema/index.ts";
import { nfc } from "../domain/format/index.ts";
import type { Framework } from "../domain/index-scoring/index.ts";
import { conflict, type FieldIssue, invalid } from "../errors/app-error.ts";
import { assertAssessmentAdmin } from "./access.ts";
import { frameworkByCode } from "./frameworks.ts";
import { issues } from "./messages.ts";
import { assessedUnits, loadAssessment, yearEnd } from "./store.ts";
import type { AssessedUnit, AssessmentRow } from "./types.ts";

export interface NewAssessment {
  code: string;
  framework: string;
  nameVi?: string | null;
  nameEn?: string | null;
  selfAssessmentDue: string;
  appraisalDue: string;
  units: { unit: string; group: string }[];
  /** Verifying unit text or criterion code → unit code, where the framework names a body by name. */
  verifiers?: Record<string, string>;
}

export interface AssessmentView {
  code: string;
  framework: string;
  year: number;
  nameVi: string;
  nameEn: string;
  status: AssessmentRow["status"];
  selfAssessmentDue: string;
  appraisalDue: string;
  finalisedAt: string | null;
  decision: { number: string; date: string; announcedOn: string } | null;
  publishedAt: string | null;
  /** Criterion code → the code of the unit that verifies it. */
  verifiers: Record<string, string>;
  units: {
    code: string;
    nameVi: string;
    nameEn: string | null;
    group: string;
    status: string;
    submittedAt: string | null;
  }[];
}

type UnitRef = { id: number; code: string; nameVi: string };

/** Units named by code, or whose Vietnamese name matches (case and Unicode form ignored). */
async function unitsByCodeOrName(conn: Conn, texts: string[]): Promise<UnitRef[]> {
  if (texts.length === 0) return [];
  const lowered = texts.map((t) => nfc(t).toLowerCase());
  return (
    conn
      .select({ id: units.id, code: units.code, nameVi: units.nameVi })
      .from(units)
      .where(or(inArray(units.code, texts), inArray(sql`lower(${units.nameVi})`, lowered)))
      // A code reused across time: the latest holder is read last, so it is the one kept by key.
      .orderBy(units.validFrom, units.id)
  );
}

/**
 * Criterion → verifying unit id: an explicit mapping (by criterion code or by the framework's
 * wording), else the unit whose code or name is the framework's wording. Criteria left out
 * are appraised by the council alone.
 */
async function resolveVerifiers(
  conn: Conn,
  framework: Framework,
  given: Record<string, string>,
): Promise<Record<string, number>> {
  const wanted = framework.criteria.map((c) => given[c.code] ?? given[c.verifyingUnit] ?? c.verifyingUnit);
  const found = await unitsByCodeOrName(conn, [...new Set(wanted)]);
  const byKey = new Map<string, number>();
  for (const u of found) {
    byKey.set(u.code, u.id);
    byKey.set(nfc(u.nameVi).toLowerCase(), u.id);
  }
  const problems = Object.entries(given)
    .filter(([, unitCode]) => !found.some((u) => u.code === unitCode))
    .map(([key, unitCode]) => issues.unknownVerifier(`verifiers.${key}`, unitCode));
  if (problems.length) throw invalid(...problems);
  const out: Record<string, number> = {};
  framework.criteria.forEach((c, i) => {
    const key = wanted[i] ?? "";
    const id = byKey.get(key) ?? byKey.get(nfc(key).toLowerCase());
    if (id !== undefined) out[c.code] = id;
  });
  return out;
}

function checkUnits(input: NewAssessment, framework: Framework, known: Map<string, UnitRef>): FieldIssue[] {
  const problems: FieldIssue[] = [];
  const seen = new Set<string>();
  input.units.forEach((u, i) => {
    if (!known.has(u.unit)) problems.push(issues.unknownUnit(`units.${i}.unit`, u.unit));
    if (seen.has(u.unit)) problems.push(issues.repeatedUnit(`units.${i}.unit`, u.unit));
    seen.add(u.unit);
    if (!framework.groups.some((g) => g.code === u.group)) {
      problems.push(issues.unknownGroup(`units.${i}.group`, u.group));
    }
  });
  if (input.appraisalDue <= input.selfAssessmentDue) problems.push(issues.dueOrder("appraisalDue"));
  return problems;
}

/** Opens an assessment (kỳ đánh giá) of the units on a framework; admin over all those units. */
export async function createAssessment(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  input: NewAssessment,
): Promise<AssessmentView> {
  const code = nfc(input.code.trim());
  await db.transaction(async (tx) => {
    const fw = await frameworkByCode(tx, input.framework);
    const known = new Map(
      (
        await unitsByCodeOrName(
          tx,
          input.units.map((u) => u.unit),
        )
      ).map((u) => [u.code, u] as const),
    );
    const problems = checkUnits(input, fw.definition, known);
    if (problems.length) throw invalid(...problems);
    const unitIds = input.units.map((u) => known.get(u.unit)?.id ?? 0);
    await assertAssessmentAdmin(tx, principal, unitIds, yearEnd(fw.year));
    const [existing] = await tx
      .select({ id: assessments.id })
      .from(assessments)
      .where(sql`${assessments.code} = ${code}`);
    if (existing) throw conflict("kỳ đánh giá", "assessment", code);
    const verifiers = await resolveVerifiers(tx, fw.definition, input.verifiers ?? {});
    const [row] = await tx
      .insert(assessments)
      .values({
        code,
        frameworkId: fw.id,
        year: fw.year,
        nameVi: nfc(input.nameVi?.trim() || fw.nameVi),
        nameEn: nfc(input.nameEn?.trim() || fw.nameEn),
        selfAssessmentDue: input.selfAssessmentDue,
        appraisalDue: input.appraisalDue,
        verifiers,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await tx
      .insert(assessmentUnits)
      .values(
        input.units.map((u, i) => ({ assessmentId: row.id, unitId: unitIds[i] ?? 0, groupCode: u.group })),
      );
    await recordAudit(tx, actor, {
      action: "create",
      objectType: "assessment",
      objectId: code,
      after: { framework: fw.code, year: fw.year, units: input.units, verifiers },
    });
  });
  return assessmentView(db, code);
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function describeAssessment(
  row: AssessmentRow,
  framework: string,
  list: AssessedUnit[],
  unitCodes: Map<number, string>,
): AssessmentView {
  const decision =
    row.decisionNumber && row.decisionDate && row.announcedOn
      ? { number: row.decisionNumber, date: row.decisionDate, announcedOn: row.announcedOn }
      : null;
  return {
    code: row.code,
    framework,
    year: row.year,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    status: row.status,
    selfAssessmentDue: row.selfAssessmentDue,
    appraisalDue: row.appraisalDue,
    finalisedAt: iso(row.finalisedAt),
    decision,
    publishedAt: iso(row.publishedAt),
    verifiers: Object.fromEntries(
      Object.entries(row.verifiers).map(([c, id]) => [c, unitCodes.get(id) ?? String(id)]),
    ),
    units: list.map((u) => ({
      code: u.code,
      nameVi: u.nameVi,
      nameEn: u.nameEn,
      group: u.groupCode,
      status: u.status,
      submittedAt: iso(u.submittedAt),
    })),
  };
}

/** The assessment with its units and their self-assessment status; any signed-in user. */
export async function assessmentView(conn: Conn, code: string): Promise<AssessmentView> {
  const loaded = await loadAssessment(conn, code);
  const list = await assessedUnits(conn, loaded.row.id);
  const ids = [...new Set(Object.values(loaded.row.verifiers))];
  const verifierUnits = ids.length
    ? await conn.select({ id: units.id, code: units.code }).from(units).where(inArray(units.id, ids))
    : [];
  const codes = new Map(verifierUnits.map((u) => [u.id, u.code]));
  return describeAssessment(loaded.row, loaded.framework.code, list, codes);
}

export async function listAssessments(conn: Conn) {
  const rows = await conn.select().from(assessments).orderBy(asc(assessments.year), asc(assessments.code));
  return rows.map((r) => ({
    code: r.code,
    year: r.year,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    status: r.status,
  }));
}
