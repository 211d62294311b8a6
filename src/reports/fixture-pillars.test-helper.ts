import { figure, indicator, pillar, samples, share } from "./fixture-builders.test-helper.ts";

/** The four pillars of FIGURES.md with indicators, and infrastructure with figures only. */
export const dataPillar = pillar(
  "DL",
  "Phát triển dữ liệu số",
  [
    ...samples(
      "DL-S",
      [
        "Hồ sơ thủ tục hành chính được số hóa khi tiếp nhận",
        "Kết quả giải quyết thủ tục hành chính được số hóa",
        "Cơ sở dữ liệu dùng chung của tỉnh được cập nhật thường xuyên",
        "Danh mục dữ liệu mở được công bố",
        "Hệ thống báo cáo của tỉnh kết nối với IOC",
      ],
      "done",
    ),
    indicator(
      "DL-01",
      "Trên 60% cơ quan nhà nước cấp tỉnh tham gia cung cấp dữ liệu mở phục vụ người dân và phát triển kinh tế - xã hội",
      "likely",
      { target: 60, value: 52.63, unitOfMeasureVi: "%", reasonVi: "Đúng tiến độ: đạt 87,72% chặng đường" },
    ),
    indicator("DL-02", "Công bố chính thức nền tảng dữ liệu số nông nghiệp", "dependent", {
      kind: "milestone",
      target: 1,
      value: 0,
      computedStatus: "likely",
      dependsOnVi: "Bộ NN&PTNT và Bộ TT&TT",
      reasonVi: "Chờ kết quả thẩm định của các bộ",
    }),
  ],
  [
    figure(
      "LGSP_CONNECTED",
      "Cơ sở dữ liệu, hệ thống thông tin quốc gia kết nối với LGSP",
      19,
      "hệ thống",
      share(19, 23, "LGSP_TOTAL"),
    ),
  ],
);

export const infrastructurePillar = pillar(
  "HT",
  "Phát triển hạ tầng số và bảo đảm an toàn thông tin",
  [],
  [
    figure("BTS_STATIONS", "Trạm thu, phát sóng thông tin di động", 5046, "trạm"),
    figure("SMARTPHONE_SUBSCRIBERS", "Thuê bao sử dụng điện thoại thông minh", 1_205_780, "thuê bao", {
      previousValue: 1_198_342,
    }),
    figure(
      "HOUSEHOLDS_FIBRE",
      "Hộ gia đình sử dụng internet cáp quang",
      392_292,
      "hộ",
      share(392_292, 468_912, "HOUSEHOLDS_TOTAL"),
    ),
    figure("DEVICES_MONITORED", "Thiết bị được giám sát mã độc", 3819, "thiết bị"),
  ],
);

export const governmentPillar = pillar(
  "CQ",
  "Xây dựng chính quyền số",
  [
    ...samples(
      "CQ-S",
      [
        "Cổng dịch vụ công của tỉnh kết nối Cổng dịch vụ công quốc gia",
        "Hệ thống quản lý văn bản liên thông bốn cấp",
        "Văn bản điện tử có chữ ký số",
        "Cán bộ, công chức được cấp chữ ký số",
        "Hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng",
        "Hồ sơ công việc cấp huyện xử lý trên môi trường mạng",
        "Báo cáo định kỳ thực hiện trên hệ thống thông tin báo cáo",
      ],
      "done",
    ),
    ...samples(
      "CQ-L",
      [
        "Dịch vụ công trực tuyến toàn trình đạt 50%",
        "Hồ sơ trực tuyến trên tổng số hồ sơ đạt 50%",
        "Thanh toán trực tuyến phí, lệ phí đạt 30%",
        "Hồ sơ công việc cấp xã xử lý trên môi trường mạng",
      ],
      "likely",
      { value: 78 },
    ),
    indicator(
      "CQ-01",
      "80% hoạt động chỉ đạo, điều hành và quản trị nội bộ của cơ quan nhà nước được thực hiện trên nền tảng quản trị tổng thể, thống nhất",
      "at_risk",
      {
        target: 80,
        value: 55,
        computedStatus: "likely",
        overridden: true,
        reasonVi:
          "Hệ thống thư điện tử công vụ chưa được tích hợp, phải nâng cấp để tích hợp với hệ thống quản lý văn bản và điều hành",
      },
    ),
  ],
  [
    figure("DVC_FULL", "Dịch vụ công trực tuyến toàn trình", 763, "dịch vụ", {
      ...share(763, 1605, "PROCEDURES_TOTAL"),
      previousValue: 748,
    }),
    figure(
      "DVC_PARTIAL",
      "Dịch vụ công trực tuyến một phần",
      214,
      "dịch vụ",
      share(214, 1605, "PROCEDURES_TOTAL"),
    ),
    figure("FEEDBACK_RECEIVED", "Ý kiến phản ánh qua Tổng đài 1022", 3024, "ý kiến"),
    figure("FEEDBACK_ANSWERED", "Ý kiến đã trả lời", 3013, "ý kiến", share(3013, 3024, "FEEDBACK_RECEIVED")),
    figure("FEEDBACK_PENDING", "Ý kiến đang xử lý", 11, "ý kiến", share(11, 3024, "FEEDBACK_RECEIVED")),
  ],
);

export const economyPillar = pillar(
  "KT",
  "Phát triển kinh tế số",
  [
    ...samples(
      "KT-S",
      [
        "Kinh tế số chiếm trên 6% GRDP",
        "Doanh nghiệp sử dụng hóa đơn điện tử",
        "Hợp tác xã nông nghiệp có gian hàng trực tuyến",
      ],
      "done",
    ),
    indicator("KT-01", "Hỗ trợ 50 doanh nghiệp nhỏ và vừa trải nghiệm các nền tảng số", "likely", {
      kind: "numeric",
      target: 50,
      value: 38,
      unitOfMeasureVi: "doanh nghiệp",
    }),
    indicator("KT-02", "100% sản phẩm OCOP có mặt trên các sàn thương mại điện tử", "at_risk", {
      value: 71.5,
      reasonVi: "Chậm tiến độ: đạt 43% chặng đường, thời gian đã qua 75%; dự báo 74,07% vào 31/12/2023",
    }),
    indicator(
      "KT-03",
      "Thiết lập không gian khởi nghiệp và đổi mới sáng tạo, có chính sách ưu tiên thu hút doanh nghiệp công nghệ số",
      "at_risk",
      { kind: "milestone", target: 1, value: 0 },
    ),
  ],
  [figure("DIGITAL_ECONOMY_GRDP_SHARE", "Tỷ trọng kinh tế số trong GRDP (Bộ TT&TT ước tính)", 6.42, "%")],
);

export const societyPillar = pillar(
  "XH",
  "Phát triển xã hội số",
  [
    ...samples(
      "XH-S",
      [
        "Hộ gia đình có đường truyền internet cáp quang",
        "Khóm, ấp có Tổ công nghệ số cộng đồng",
        "Người dân có tài khoản định danh điện tử",
        "Người dân được tập huấn kỹ năng số",
        "Trường học triển khai học bạ điện tử",
        "Cơ sở y tế triển khai hồ sơ sức khỏe điện tử",
      ],
      "done",
    ),
    ...samples(
      "XH-R",
      [
        "Người dân từ 15 tuổi có tài khoản thanh toán điện tử",
        "Giao dịch không dùng tiền mặt tại chợ truyền thống",
      ],
      "at_risk",
      { value: 40 },
    ),
    ...[
      "Tỷ lệ thuê bao điện thoại di động sử dụng điện thoại thông minh trên 80%",
      "Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 80%",
    ].map((name, i) =>
      indicator(`XH-0${i + 1}`, name, "dependent", {
        target: 80,
        value: 72.4 - i,
        computedStatus: "at_risk",
        dependsOnVi: "thời gian tắt sóng di động 2G",
      }),
    ),
    indicator("XH-03", "90% hộ gia đình có địa chỉ Vpostcode", "discontinued", {
      target: 90,
      value: 12,
      decisionVi: "Công văn số 2145/UBND-KT ngày 14/08/2023",
    }),
    indicator(
      "XH-04",
      "Tham mưu HĐND tỉnh ban hành Nghị quyết quy định mức hỗ trợ hoạt động của Tổ công nghệ số cộng đồng",
      "discontinued",
      { kind: "milestone", target: 1, value: 0 },
    ),
  ],
  [
    figure(
      "HAMLETS_WITH_TEAM",
      "Khóm, ấp có Tổ công nghệ số cộng đồng",
      320,
      "khóm, ấp",
      share(320, 699, "HAMLETS_TOTAL"),
    ),
    figure("SUPPORT_ACTIVITIES", "Hoạt động hỗ trợ chuyển đổi số đã tổ chức", 3318, "hoạt động"),
    figure("CITIZEN_CONTACTS", "Lượt người dân, hộ gia đình được tiếp cận", 231_870, "lượt"),
  ],
);
