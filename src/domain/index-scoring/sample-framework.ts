import { SAMPLE_FOUNDATION } from "./sample-foundation.ts";
import { SAMPLE_OPERATIONS } from "./sample-operations.ts";
import type { Framework } from "./types.ts";

/**
 * SAMPLE (MẪU) framework shaped like a provincial index built on Decision 922/QĐ-BTTTT:
 * departments with public services (1000 points), departments without (800), districts
 * (900, as Lâm Đồng's 454/QĐ-UBND splits them). The pillars follow 922's provincial index;
 * the criteria are illustrative, 2–4 per pillar, and use every scoring method. It is not a
 * published decision: a province loads its own framework. The demo scores units with it.
 */
export const SAMPLE_FRAMEWORK: Framework = {
  code: "MAU-DTI-2023",
  year: 2023,
  nameVi: "Bộ chỉ số đánh giá chuyển đổi số các cơ quan, đơn vị năm 2023 (MẪU)",
  nameEn: "Digital transformation index of departments and districts, 2023 (SAMPLE)",
  groups: [
    {
      code: "SO_DVC",
      nameVi: "Sở, ngành có cung cấp dịch vụ công",
      nameEn: "Departments providing public services",
      maxTotal: 1000,
    },
    {
      code: "SO_KHAC",
      nameVi: "Sở, ngành không cung cấp dịch vụ công",
      nameEn: "Departments without public services",
      maxTotal: 800,
    },
    { code: "HUYEN", nameVi: "UBND huyện, thành phố", nameEn: "District People's Committees", maxTotal: 900 },
  ],
  pillars: [
    { code: "NTS", nameVi: "Nhận thức số", nameEn: "Digital awareness", maxPoints: 100 },
    { code: "TCS", nameVi: "Thể chế số", nameEn: "Digital institutions", maxPoints: 100 },
    { code: "HTS", nameVi: "Hạ tầng số", nameEn: "Digital infrastructure", maxPoints: 100 },
    { code: "NLS", nameVi: "Nhân lực số", nameEn: "Digital human resources", maxPoints: 100 },
    { code: "ATTT", nameVi: "An toàn thông tin mạng", nameEn: "Cyber security", maxPoints: 100 },
    {
      code: "CQS",
      nameVi: "Hoạt động chính quyền số",
      nameEn: "Digital government",
      maxPoints: { SO_DVC: 500, SO_KHAC: 300, HUYEN: 200 },
    },
    { code: "KTS", nameVi: "Hoạt động kinh tế số", nameEn: "Digital economy", maxPoints: { HUYEN: 100 } },
    { code: "XHS", nameVi: "Hoạt động xã hội số", nameEn: "Digital society", maxPoints: { HUYEN: 100 } },
    // Worth 0 points, as 922 keeps smart cities: reported for information, not scored.
    { code: "DTTM", nameVi: "Đô thị thông minh", nameEn: "Smart city", maxPoints: { HUYEN: 0 } },
  ],
  criteria: [...SAMPLE_FOUNDATION, ...SAMPLE_OPERATIONS],
};
