import type { DeclarationInput } from "../../plans/schema.ts";
import { onePagePdf } from "./evidence-pdf.ts";
import { augSep, type DemoIndicator, milestone, percent, year2023 } from "./types.ts";

/**
 * Kinh tế số: 6 chỉ tiêu, at 09/2023 three done (the GRDP share above its target among them),
 * one likely (support for 50 SMEs, named) and two at risk (OCOP products online and the
 * start-up space, named).
 */
export const economyIndicators: DemoIndicator[] = [
  percent(
    "KT-01",
    "KT",
    ["Kinh tế số chiếm tỷ trọng 6% GRDP của tỉnh", "The digital economy makes up 6% of the province's GRDP"],
    6,
    5,
    {
      source: "formula",
      sample: false,
      formula: "#{DIGITAL_ECONOMY_GRDP_SHARE}",
      notes:
        "Số liệu ước tính của Bộ TT&TT; phương pháp tính chưa được hướng dẫn. Mức chỉ tiêu 6% là giả định của bộ dữ liệu mẫu.",
    },
  ),
  {
    code: "KT-02",
    pillar: "KT",
    nameVi: "Hỗ trợ 50 doanh nghiệp nhỏ và vừa trải nghiệm các nền tảng số",
    nameEn: "Support 50 small and medium enterprises to try digital platforms",
    kind: "numeric",
    target: 50,
    baseline: 0,
    unitOfMeasureVi: "doanh nghiệp",
    source: "progress",
    responsibleUnits: ["S-TTTT", "S-KHDT"],
    ...year2023,
    progress: augSep(12, 30, "Sở TT&TT đã ban hành Kế hoạch hỗ trợ doanh nghiệp nhỏ và vừa năm 2023.", {
      number: "Thông tư số 52/TT-BTC",
      date: "2023-08-08",
    }),
  },
  percent(
    "KT-03",
    "KT",
    [
      "100% sản phẩm OCOP có mặt trên các sàn thương mại điện tử",
      "100% of OCOP products on e-commerce platforms",
    ],
    100,
    60,
    {
      source: "progress",
      sample: false,
      responsibleUnits: ["S-CT"],
      progress: augSep(
        70,
        71,
        "Một số chủ thể OCOP chưa đáp ứng yêu cầu về truy xuất nguồn gốc, bao bì và vận chuyển để đưa sản phẩm lên sàn.",
      ),
    },
  ),
  milestone(
    "KT-04",
    "KT",
    [
      "Thiết lập không gian khởi nghiệp và đổi mới sáng tạo, có chính sách ưu tiên thu hút các doanh nghiệp công nghệ số đặt văn phòng làm việc ở không gian này",
      "A start-up and innovation space with preferential policies for digital-technology firms to base their offices there",
    ],
    {
      sample: false,
      deadline: "2023-10-31",
      responsibleUnits: ["S-KHCN"],
      progress: augSep(0, 0, "Chưa bố trí được mặt bằng và kinh phí cho không gian khởi nghiệp."),
    },
  ),
  percent(
    "KT-05",
    "KT",
    ["100% doanh nghiệp sử dụng hóa đơn điện tử", "100% of enterprises use electronic invoices"],
    100,
    98,
    { source: "progress", responsibleUnits: ["S-TC"], progress: augSep(100, 100) },
  ),
  percent(
    "KT-06",
    "KT",
    [
      "Tỷ lệ cơ sở kinh doanh, dịch vụ chấp nhận thanh toán không dùng tiền mặt đạt 50%",
      "50% of shops and services accept cashless payment",
    ],
    50,
    35,
    { source: "progress", responsibleUnits: ["S-CT"], progress: augSep(53, 56) },
  ),
];

/** The sources name no decision for the two dropped indicators: the demo records the Sở's review. */
const review = "Kết quả rà soát chỉ tiêu Kế hoạch chuyển đổi số năm 2023 của Sở TT&TT";
const dependsOn2G = (reason: string): DeclarationInput => ({
  kind: "dependent",
  body: "thời gian tắt sóng di động 2G",
  reason,
  fromPeriod: "202308",
});

/**
 * Xã hội số: 12 chỉ tiêu, at 09/2023 six done, two at risk, two dependent on the 2G switch-off
 * (smartphones, named) and two discontinued (Vpostcode and the council resolution, named).
 */
export const societyIndicators: DemoIndicator[] = [
  percent(
    "XH-01",
    "XH",
    ["100% khóm, ấp có hạ tầng internet cáp quang", "100% of hamlets with fibre internet"],
    100,
    95,
    { source: "formula", formula: "#{HAMLETS_WITH_FIBRE} / #{HAMLETS_TOTAL} * 100" },
  ),
  percent(
    "XH-02",
    "XH",
    ["Tỷ lệ hộ gia đình sử dụng internet cáp quang đạt 80%", "80% of households use fibre internet"],
    80,
    78,
    { source: "formula", formula: "#{HOUSEHOLDS_FIBRE} / #{HOUSEHOLDS_TOTAL} * 100" },
  ),
  {
    code: "XH-03",
    pillar: "XH",
    nameVi: "100% huyện, thành phố và xã, phường, thị trấn có Tổ Thanh niên chuyển đổi số cộng đồng",
    nameEn: "A youth digital-transformation team in every district and commune",
    kind: "unit_count",
    unitTotal: 155,
    target: 155,
    baseline: 100,
    unitOfMeasureVi: "đơn vị",
    source: "formula",
    formula: "#{YOUTH_DX_TEAM}",
    sample: true,
    responsibleUnits: ["S-TTTT"],
    ...year2023,
  },
  {
    code: "XH-04",
    pillar: "XH",
    nameVi: "Hỗ trợ 200.000 lượt người dân, hộ gia đình sử dụng dịch vụ số",
    nameEn: "200,000 citizen and household contacts helped to use digital services",
    kind: "numeric",
    target: 200_000,
    baseline: 0,
    unitOfMeasureVi: "lượt",
    source: "formula",
    formula: "#{CITIZEN_CONTACTS}",
    sample: true,
    ...year2023,
  },
  {
    code: "XH-05",
    pillar: "XH",
    nameVi: "Tổ chức 3.000 hoạt động hỗ trợ chuyển đổi số cho người dân",
    nameEn: "3,000 digital-transformation support activities for citizens",
    kind: "numeric",
    target: 3_000,
    baseline: 0,
    unitOfMeasureVi: "hoạt động",
    source: "formula",
    formula: "#{SUPPORT_ACTIVITIES}",
    sample: true,
    ...year2023,
  },
  milestone(
    "XH-06",
    "XH",
    [
      "Ban hành Kế hoạch hưởng ứng Ngày Chuyển đổi số quốc gia và Ngày Chuyển đổi số tỉnh Đồng Tháp năm 2023",
      "The plan for the national and provincial digital-transformation days issued",
    ],
    {
      progress: augSep(0, 1, undefined, {
        number: "Kế hoạch số 308/KH-UBND",
        date: "2023-09-18",
        file: {
          name: "Kế hoạch 308-KH-UBND (bản mẫu).pdf",
          type: "application/pdf",
          content: onePagePdf("Ke hoach so 308/KH-UBND ngay 18/09/2023 (ban mau cua du lieu demo)"),
        },
      }),
    },
  ),
  percent(
    "XH-07",
    "XH",
    [
      "100% khóm, ấp thành lập Tổ công nghệ số cộng đồng",
      "A community digital-technology team in every hamlet",
    ],
    100,
    25,
    { source: "formula", formula: "#{HAMLETS_WITH_TEAM} / #{HAMLETS_TOTAL} * 100" },
  ),
  percent(
    "XH-08",
    "XH",
    [
      "Tỷ lệ người trưởng thành có tài khoản thanh toán điện tử đạt 70%",
      "70% of adults hold an electronic payment account",
    ],
    70,
    50,
    { source: "progress", progress: augSep(55, 56, "Người dân nông thôn còn quen dùng tiền mặt.") },
  ),
  percent(
    "XH-09",
    "XH",
    [
      "Tỷ lệ thuê bao điện thoại di động sử dụng điện thoại thông minh trên 80%",
      "More than 80% of mobile subscribers use a smartphone",
    ],
    80,
    70,
    {
      source: "formula",
      sample: false,
      // No metric counts all mobile subscribers yet: the denominator is the carriers' figure.
      formula: "#{SMARTPHONE_SUBSCRIBERS} / 1650000 * 100",
      notes: "Mẫu số 1.650.000 thuê bao di động là giả định của bộ dữ liệu mẫu.",
      declaration: dependsOn2G("Tỷ lệ dùng điện thoại thông minh chỉ tăng nhanh khi tắt sóng di động 2G"),
    },
  ),
  percent(
    "XH-10",
    "XH",
    ["Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 80%", "80% of adults own a smartphone"],
    80,
    65,
    {
      source: "progress",
      sample: false,
      progress: augSep(73, 74),
      declaration: dependsOn2G("Người dân chuyển sang điện thoại thông minh khi tắt sóng di động 2G"),
    },
  ),
  percent(
    "XH-11",
    "XH",
    ["90% hộ gia đình có địa chỉ Vpostcode", "90% of households have a Vpostcode address"],
    90,
    20,
    {
      source: "progress",
      sample: false,
      progress: augSep(35, 35),
      declaration: {
        kind: "discontinued",
        decision: review,
        reason: "Chỉ tiêu không còn phù hợp với định hướng phát triển địa chỉ số của Bộ TT&TT",
        fromPeriod: "202309",
      },
    },
  ),
  milestone(
    "XH-12",
    "XH",
    [
      "Tham mưu HĐND Tỉnh ban hành Nghị quyết quy định mức hỗ trợ hoạt động đối với Tổ công nghệ số cộng đồng",
      "Advise the Provincial People's Council on a resolution funding community digital-technology teams",
    ],
    {
      sample: false,
      progress: augSep(0, 0),
      declaration: {
        kind: "discontinued",
        decision: review,
        reason:
          "Chưa có hướng dẫn của Trung ương về nguồn kinh phí hỗ trợ hoạt động của Tổ công nghệ số cộng đồng",
        fromPeriod: "202309",
      },
    },
  ),
];
