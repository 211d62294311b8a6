import { appraise, councilAdjust } from "../../assessments/appraisal.ts";
import { createAssessment } from "../../assessments/assessments.ts";
import { addEvidence } from "../../assessments/evidence.ts";
import { createFramework } from "../../assessments/frameworks.ts";
import { saveSelfValues, submitUnit } from "../../assessments/self.ts";
import {
  closeAppraisal,
  closeSelfAssessment,
  finalise,
  publish,
  startSelfAssessment,
} from "../../assessments/steps.ts";
import type { Actor } from "../../audit/audit.ts";
import type { Db } from "../../db/client.ts";
import { createUser } from "../../users/service.ts";
import { demoPassword } from "../dataset/index.ts";
import type { DemoLogin, DemoProgress } from "../load.ts";
import { type DemoAdjustment, demoAppraisalAdjustments, demoCouncilAdjustments } from "./adjustments.ts";
import { demoAssessmentCode, demoFramework, demoLineage, demoPublication } from "./framework.ts";
import { demoAssessedUnits } from "./units.ts";
import { demoValues } from "./values.ts";

const code = demoAssessmentCode;
/** Moments of the 2022 cycle, in Vietnam's time zone. */
const at = (isoDate: string) => new Date(`${isoDate}T09:00:00+07:00`);

/** An appraiser of Sở TT&TT: the criteria its department verifies, across every unit. */
export const demoAppraiser = {
  username: "sotttt.thamdinh",
  displayName: "Chuyên viên thẩm định Sở TT&TT",
  unit: "S-TTTT",
  unitName: "Sở Thông tin và Truyền thông",
};

const adjustmentFor = (list: DemoAdjustment[], unit: string, criterion: string) =>
  list.find((a) => a.unit === unit && a.criterion === criterion);

async function selfAssess(db: Db, actor: Actor): Promise<void> {
  await startSelfAssessment(db, actor, null, code);
  for (const unit of demoAssessedUnits) {
    await saveSelfValues(db, actor, null, code, unit.code, demoValues(unit));
    await addEvidence(db, actor, null, code, unit.code, {
      criterion: "1.1",
      summary: "Quyết định thành lập, kiện toàn Ban chỉ đạo chuyển đổi số của đơn vị (tài liệu MẪU)",
    });
    await submitUnit(db, actor, null, code, unit.code, at("2023-03-24"));
  }
  await closeSelfAssessment(db, actor, null, code);
}

async function appraiseAll(db: Db, actor: Actor): Promise<void> {
  for (const unit of demoAssessedUnits) {
    const items = demoValues(unit).map(({ criterion }) => {
      const change = adjustmentFor(demoAppraisalAdjustments, unit.code, criterion);
      return change
        ? { criterion, action: "adjust" as const, value: change.value, reason: change.reason }
        : { criterion, action: "confirm" as const };
    });
    await appraise(db, actor, null, code, unit.code, items, at("2023-05-26"));
  }
  await closeAppraisal(db, actor, null, code);
  for (const change of demoCouncilAdjustments) {
    await councilAdjust(db, actor, null, code, change.unit, [change], at("2023-09-15"));
  }
  await finalise(db, actor, null, code, at("2023-09-20"));
}

/**
 * The 2022 digital-transformation index of Đồng Tháp's departments and districts (SAMPLE
 * criteria and scores, docs/assessments.md): framework, self-assessment, appraisal with a few
 * adjustments, the council, and publication under Decision 1019/QĐ-UBND-HC on 10/10/2023, all
 * through the services. Adds the appraiser login of Sở TT&TT.
 */
export async function loadDtiDemo(
  db: Db,
  actor: Actor,
  onProgress: DemoProgress,
): Promise<{ logins: DemoLogin[] }> {
  await createFramework(db, actor, null, demoFramework, demoLineage);
  await createAssessment(db, actor, null, {
    code,
    framework: demoFramework.code,
    nameVi:
      "Đánh giá, xếp hạng mức độ chuyển đổi số các sở, ban, ngành và UBND huyện, thành phố năm 2022 (MẪU)",
    nameEn: "Digital transformation index of departments and districts, 2022 (SAMPLE)",
    selfAssessmentDue: "2023-03-31",
    appraisalDue: "2023-06-30",
    units: demoAssessedUnits.map((u) => ({ unit: u.code, group: u.group })),
    verifiers: { "Văn phòng UBND tỉnh": "S-VP" },
  });
  await selfAssess(db, actor);
  await appraiseAll(db, actor);
  await publish(db, actor, null, code, demoPublication, at("2023-10-10"));
  await createUser(db, actor, null, {
    username: demoAppraiser.username,
    displayName: demoAppraiser.displayName,
    password: demoPassword,
    grants: [{ role: "appraiser", unitCode: demoAppraiser.unit }],
  });
  onProgress(`chỉ số CĐS / index ${code} ${demoAssessedUnits.length}/${demoAssessedUnits.length}`);
  const { username, unit, unitName } = demoAppraiser;
  return { logins: [{ username, password: demoPassword, role: "appraiser", unit, unitName }] };
}
