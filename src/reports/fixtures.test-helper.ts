import type { PlanReportData } from "../plans/report-data.ts";
import { countsOf, pillar } from "./fixture-builders.test-helper.ts";
import {
  dataPillar,
  economyPillar,
  governmentPillar,
  infrastructurePillar,
  societyPillar,
} from "./fixture-pillars.test-helper.ts";

export { countsOf };

/**
 * A PlanReportData for Đồng Tháp, September 2023, shaped like the plan service's output: the
 * pillar counts of shared/seed/FIGURES.md, its named indicators (the rest marked sample) and
 * its figures. Used to test the words and the files without a database.
 */
const institutionPillar = pillar("TC", "Xây dựng, hoàn thiện thể chế", [], []);

const unitsNamed = (names: string[]) => names.map((nameVi, i) => ({ code: `U${i + 1}`, nameVi }));

export function dongThapReportData(): PlanReportData {
  const pillars = [
    institutionPillar,
    dataPillar,
    infrastructurePillar,
    governmentPillar,
    economyPillar,
    societyPillar,
  ];
  return {
    plan: {
      code: "KH-CDS-2023",
      nameVi: "Kế hoạch chuyển đổi số năm 2023",
      nameEn: "2023 digital-transformation plan",
      year: 2023,
      issuingBodyVi: "Ủy ban nhân dân tỉnh Đồng Tháp",
      issuingBodyEn: "the People's Committee of Đồng Tháp province",
      documentRefVi: "Kế hoạch số 99/KH-UBND ngày 16/03/2023",
    },
    reporter: {
      unitCode: "S-TTTT",
      nameVi: "Sở Thông tin và Truyền thông",
      nameEn: "Department of Information and Communications",
      parentNameVi: "Tỉnh Đồng Tháp",
      parentNameEn: "Đồng Tháp Province",
      placeVi: "Đồng Tháp",
    },
    period: {
      id: "202309",
      labelVi: "Tháng 9/2023",
      labelEn: "September 2023",
      start: "2023-09-01",
      end: "2023-09-30",
    },
    reportDate: "2023-10-05",
    totals: countsOf(pillars.flatMap((p) => p.indicators)),
    pillars,
    documents: [
      {
        number: "Nghị quyết số 39/NQ-HĐND",
        date: "2023-07-18",
        issuerVi: "Hội đồng nhân dân tỉnh",
        summaryVi: "Quy định mức thu phí, lệ phí dịch vụ công trực tuyến, thấp hơn 50% so với nộp trực tiếp",
        summaryEn: "Fees for online public services, 50% lower than at the counter",
        pillarCode: "TC",
      },
      {
        number: "Kế hoạch số 308/KH-UBND",
        date: "2023-09-18",
        issuerVi: "Ủy ban nhân dân tỉnh",
        summaryVi: "Hưởng ứng Ngày Chuyển đổi số quốc gia và Ngày Chuyển đổi số tỉnh Đồng Tháp",
        summaryEn: null,
        pillarCode: "TC",
      },
      {
        number: "Quyết định số 1019/QĐ-UBND-HC",
        date: "2023-09-30",
        issuerVi: "Ủy ban nhân dân tỉnh",
        summaryVi: "Phê duyệt Báo cáo chỉ số đánh giá, xếp hạng chuyển đổi số năm 2022.",
        summaryEn: "Approving the 2022 digital-transformation index report",
        pillarCode: null,
      },
    ],
    difficulties: [
      {
        text: "Kinh phí cho chuyển đổi số còn hạn chế.",
        units: unitsNamed([
          "Sở Nội vụ",
          "Sở Tư pháp",
          "Huyện Tân Hồng",
          "Huyện Tam Nông",
          "Xã Mỹ Tân",
          "Xã Tân Thuận Đông",
          "Phường 1",
        ]),
      },
      {
        text: "Hệ thống thư điện tử công vụ chưa tích hợp với hệ thống quản lý văn bản và điều hành.",
        units: unitsNamed(["Sở Thông tin và Truyền thông"]),
      },
    ],
    proposals: [
      {
        text: "Đề nghị Bộ Thông tin và Truyền thông hướng dẫn phương pháp tính tỷ trọng kinh tế số trong GRDP.",
        units: unitsNamed(["Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư"]),
      },
    ],
    reporting: { expected: 175, approved: 170, onTime: 160, late: 10, missing: 5 },
  };
}
