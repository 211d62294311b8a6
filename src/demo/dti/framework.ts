import { type Framework, SAMPLE_FRAMEWORK } from "../../domain/index-scoring/index.ts";

/** Frameworks of this lineage compare year on year (MAU-DTI-2022, MAU-DTI-2023…). */
export const demoLineage = "MAU-DTI";

/**
 * The demo's framework: the domain's SAMPLE (MẪU) framework, shaped like a provincial index on
 * Decision 922/QĐ-BTTTT, dated for the 2022 evaluation. Sample criteria, not Decision 1397's.
 */
export const demoFramework: Framework = {
  ...SAMPLE_FRAMEWORK,
  code: "MAU-DTI-2022",
  year: 2022,
  nameVi: "Bộ chỉ số đánh giá chuyển đổi số các cơ quan, đơn vị năm 2022 (MẪU)",
  nameEn: "Digital transformation index of departments and districts, 2022 (SAMPLE)",
};

export const demoAssessmentCode = "DTI-2022";

/** Decision 1019/QĐ-UBND-HC of 30/09/2023 approved the 2022 results; announced on 10/10, DX day. */
export const demoPublication = {
  decisionNumber: "1019/QĐ-UBND-HC",
  decisionDate: "2023-09-30",
  announcedOn: "2023-10-10",
};
