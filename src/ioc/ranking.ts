import type { Principal } from "../access/principal.ts";
import { listAssessments } from "../assessments/assessments.ts";
import { ranking } from "../assessments/reading.ts";
import type { Conn } from "../db/client.ts";
import { AppError } from "../errors/app-error.ts";
import type { Summary } from "./schema.ts";

/**
 * Bảng xếp hạng chỉ số CĐS: the named assessment, or the latest published one. Null when there
 * is none, or when its results are not yet published to this caller.
 */
export async function rankingPart(
  conn: Conn,
  principal: Principal,
  code: string | undefined,
): Promise<Summary["ranking"]> {
  const chosen =
    code ??
    (await listAssessments(conn))
      .filter((a) => a.status === "published")
      .sort((a, b) => b.year - a.year)
      .at(0)?.code;
  if (!chosen) return null;
  try {
    const view = await ranking(conn, principal, chosen);
    return {
      code: view.assessment.code,
      nameVi: view.assessment.nameVi,
      nameEn: view.assessment.nameEn,
      year: view.assessment.year,
      groups: view.groups.map((g) => ({
        code: g.code,
        nameVi: g.nameVi,
        nameEn: g.nameEn,
        rows: g.rows.map((r) => ({
          rank: r.rank,
          unit: r.unit,
          nameVi: r.nameVi,
          nameEn: r.nameEn,
          total: r.total,
          index: r.index,
        })),
      })),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "RESULTS_NOT_PUBLISHED") return null;
    throw error;
  }
}
