import type { CriterionValue } from "../../domain/index-scoring/index.ts";

/** A SAMPLE correction of a unit's self-assessed value, with the reason given for it. */
export interface DemoAdjustment {
  unit: string;
  criterion: string;
  value: CriterionValue;
  reason: string;
}

/** What the verifying departments changed at appraisal (thẩm định); everything else is confirmed. */
export const demoAppraisalAdjustments: DemoAdjustment[] = [
  {
    unit: "S-CT",
    criterion: "1.2",
    value: 3,
    reason: "Chỉ có 03 thông báo kết luận cuộc họp của Ban chỉ đạo trong năm",
  },
  {
    unit: "866",
    criterion: "2.2",
    value: { a: 27, b: 31 },
    reason: "03 nhiệm vụ của kế hoạch hoàn thành sau thời hạn",
  },
  {
    unit: "873",
    criterion: "5.2",
    value: "TU_GIAM_SAT",
    reason: "Chưa có biên bản kết nối với Trung tâm giám sát an toàn thông tin (SOC) của tỉnh",
  },
  {
    unit: "875",
    criterion: "6.1",
    value: 78.5,
    reason: "Số liệu trích xuất từ Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh: 78,5%",
  },
];

/** What the appraisal council (hội đồng thẩm định) changed before finalising. */
export const demoCouncilAdjustments: DemoAdjustment[] = [
  {
    unit: "873",
    criterion: "4.3",
    value: 20,
    reason: "Hội đồng đánh giá lại mức độ tham gia chương trình đào tạo kỹ năng số của tỉnh",
  },
];
