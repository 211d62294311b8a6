import { onePagePdf } from "./evidence-pdf.ts";
import { augSep, type DemoIndicator, milestone, percent } from "./types.ts";

/**
 * Dữ liệu số: 7 chỉ tiêu, at 09/2023 five done, one likely (open data, named in the report) and
 * one dependent on the ministries (the agricultural data platform, named).
 */
export const dataIndicators: DemoIndicator[] = [
  percent(
    "DL-01",
    "DL",
    [
      "Nền tảng LGSP của tỉnh kết nối với ít nhất 80% cơ sở dữ liệu, hệ thống thông tin quốc gia theo yêu cầu",
      "The provincial LGSP connected to at least 80% of the required national databases and systems",
    ],
    80,
    65,
    { source: "formula", formula: "#{LGSP_CONNECTED} / #{LGSP_TOTAL} * 100" },
  ),
  milestone(
    "DL-02",
    "DL",
    [
      "Đưa vào sử dụng kho dữ liệu số cá nhân của người dân, doanh nghiệp trên Hệ thống thông tin giải quyết thủ tục hành chính",
      "Citizens' and businesses' personal data store in use in the administrative-procedure system",
    ],
    {
      progress: augSep(
        1,
        1,
        "Hồ sơ và kết quả giải quyết thủ tục hành chính được số hóa, lưu trữ để tái sử dụng.",
      ),
    },
  ),
  milestone(
    "DL-03",
    "DL",
    [
      "Hệ thống thông tin báo cáo của tỉnh kết nối, hiển thị số liệu trên Trung tâm điều hành thông minh (IOC)",
      "The provincial reporting system connected to and shown on the intelligent operations centre (IOC)",
    ],
    { progress: augSep(1, 1) },
  ),
  milestone(
    "DL-04",
    "DL",
    [
      "Ban hành Danh mục cơ sở dữ liệu dùng chung và Danh mục dữ liệu mở của tỉnh",
      "The catalogues of shared databases and of open data issued",
    ],
    { progress: augSep(1, 1) },
  ),
  percent(
    "DL-05",
    "DL",
    [
      "Tỷ lệ hồ sơ thủ tục hành chính được số hóa thành phần hồ sơ, kết quả giải quyết đạt 50%",
      "50% of administrative files digitised with their results",
    ],
    50,
    30,
    { source: "progress", progress: augSep(54, 58) },
  ),
  percent(
    "DL-06",
    "DL",
    [
      "Trên 60% cơ quan nhà nước cấp tỉnh tham gia cung cấp dữ liệu mở phục vụ người dân và phát triển kinh tế - xã hội",
      "More than 60% of provincial state agencies provide open data for citizens and socio-economic development",
    ],
    60,
    31.58,
    {
      source: "progress",
      sample: false,
      progress: augSep(
        47.37,
        52.63,
        "10/19 sở, ban, ngành đã cung cấp dữ liệu mở trên Cổng dữ liệu của tỉnh.",
      ),
    },
  ),
  milestone(
    "DL-07",
    "DL",
    [
      "Công bố chính thức nền tảng dữ liệu số nông nghiệp",
      "Official launch of the agricultural digital data platform",
    ],
    {
      sample: false,
      responsibleUnits: ["S-NNPTNT"],
      progress: augSep(
        0,
        0,
        "Nền tảng tiếp tục được duy trì phục vụ tổng hợp báo cáo, dự báo sản xuất và tiêu thụ nông sản.",
        {
          number: "Hồ sơ đề nghị thẩm định nền tảng dữ liệu số nông nghiệp",
          file: {
            name: "Hồ sơ thẩm định nền tảng dữ liệu số nông nghiệp.pdf",
            type: "application/pdf",
            content: onePagePdf("Ho so de nghi tham dinh nen tang du lieu so nong nghiep (du lieu mau)"),
          },
        },
      ),
      declaration: {
        kind: "dependent",
        body: "Bộ NN&PTNT và Bộ TT&TT",
        reason:
          "Chờ kết quả thẩm định của Bộ Nông nghiệp và Phát triển nông thôn và Bộ Thông tin và Truyền thông trước khi công bố chính thức",
        fromPeriod: "202308",
      },
    },
  ),
];

/**
 * Chính quyền số: 12 chỉ tiêu, at 09/2023 seven done, four likely and one at risk (the unified
 * management platform, named in the report with its cause).
 */
export const governmentIndicators: DemoIndicator[] = [
  percent(
    "CQ-01",
    "CQ",
    [
      "Tỷ lệ dịch vụ công trực tuyến toàn trình đạt 50% tổng số thủ tục hành chính",
      "Full-process online public services reach 50% of administrative procedures",
    ],
    50,
    40,
    { source: "formula", formula: "#{DVC_FULL} / #{PROCEDURES_TOTAL} * 100" },
  ),
  percent(
    "CQ-02",
    "CQ",
    [
      "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến (toàn trình và một phần) đạt 60%",
      "60% of administrative procedures offered online (full or partial)",
    ],
    60,
    52,
    { source: "formula", formula: "(#{DVC_FULL} + #{DVC_PARTIAL}) / #{PROCEDURES_TOTAL} * 100" },
  ),
  percent(
    "CQ-03",
    "CQ",
    [
      "100% văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử (trừ văn bản mật)",
      "100% of documents between state agencies exchanged electronically (except classified ones)",
    ],
    100,
    95,
    { source: "progress", progress: augSep(99.5, 100) },
  ),
  percent(
    "CQ-04",
    "CQ",
    [
      "Tỷ lệ ý kiến phản ánh qua Tổng đài 1022 còn đang xử lý không quá 1%",
      "At most 1% of 1022 hotline feedback still being handled",
    ],
    1,
    3,
    {
      source: "formula",
      direction: "down",
      formula: "(#{FEEDBACK_RECEIVED} - #{FEEDBACK_ANSWERED}) / #{FEEDBACK_RECEIVED} * 100",
    },
  ),
  milestone(
    "CQ-05",
    "CQ",
    [
      "Mạng truyền số liệu chuyên dùng kết nối thông suốt 3 cấp chính quyền",
      "The dedicated data network connects all three levels of government",
    ],
    { progress: augSep(1, 1) },
  ),
  milestone(
    "CQ-06",
    "CQ",
    [
      "Hệ thống giải quyết thủ tục hành chính cho phép đăng nhập bằng tài khoản định danh điện tử (Đề án 06)",
      "The administrative-procedure system accepts electronic-identity login (Project 06)",
    ],
    { progress: augSep(1, 1) },
  ),
  milestone(
    "CQ-07",
    "CQ",
    [
      "Hoàn thành đánh giá, xếp hạng chỉ số chuyển đổi số năm 2022 của sở, ngành, UBND cấp huyện",
      "The 2022 digital-transformation index of departments and districts evaluated and ranked",
    ],
    {
      progress: augSep(0, 1, "Kết quả sẽ công bố vào Ngày Chuyển đổi số tỉnh 10/10/2023.", {
        number: "Quyết định số 1019/QĐ-UBND-HC",
        date: "2023-09-30",
      }),
    },
  ),
  milestone(
    "CQ-08",
    "CQ",
    ["Hoàn thành nâng cấp Trung tâm tích hợp dữ liệu tỉnh", "The provincial data centre upgraded"],
    { progress: augSep(1, 1) },
  ),
  percent(
    "CQ-09",
    "CQ",
    [
      "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến đạt 30%",
      "30% of administrative files received and handled online",
    ],
    30,
    10,
    { source: "progress", progress: augSep(22, 25) },
  ),
  percent(
    "CQ-10",
    "CQ",
    [
      "90% cán bộ, công chức cấp xã được cấp và sử dụng chữ ký số",
      "90% of commune officials hold and use a digital signature",
    ],
    90,
    60,
    { source: "progress", progress: augSep(82, 85) },
  ),
  milestone(
    "CQ-11",
    "CQ",
    [
      "Nâng cấp Cổng thông tin điện tử tỉnh đáp ứng yêu cầu kỹ thuật theo quy định",
      "The provincial web portal upgraded to the technical requirements",
    ],
    { progress: augSep(0, 0, "Đang lựa chọn đơn vị tư vấn.") },
  ),
  percent(
    "CQ-12",
    "CQ",
    [
      "80% hoạt động chỉ đạo, điều hành và quản trị nội bộ của cơ quan nhà nước được thực hiện trên nền tảng quản trị tổng thể, thống nhất",
      "80% of direction, operation and internal administration of state agencies on one unified management platform",
    ],
    80,
    40,
    {
      source: "progress",
      sample: false,
      progress: augSep(
        52,
        53,
        "Hệ thống thư điện tử công vụ chưa tích hợp, cần phải nâng cấp mới có khả năng tích hợp với hệ thống quản lý văn bản và điều hành.",
      ),
    },
  ),
];
