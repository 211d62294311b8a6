/** Data quality (issue 17.2): flags on a report, the outliers screen and their follow-up. */
export const qualityVi = {
  nav: "Chất lượng số liệu",
  panelTitle: "Cảnh báo chất lượng số liệu",
  panelIntro:
    "Các giá trị dưới đây khác thường so với lịch sử của đơn vị hoặc các đơn vị cùng nhóm. Báo cáo vẫn được lưu; hãy kiểm tra lại và ghi chú giải thích.",
  none: "Không có giá trị bất thường.",
  needsComment: "Cần ghi chú giải thích (hoặc sửa nếu nhập nhầm).",
  commented: (note: string) => `Ghi chú: ${note}`,
  rules: {
    history_range: "Ngoài khoảng thường gặp của đơn vị",
    month_change: "Thay đổi bất thường so với kỳ trước",
    peer_group: "Khác xa các đơn vị cùng nhóm",
  } as Record<string, string>,
  title: "Chất lượng số liệu: giá trị bất thường",
  intro:
    "Các giá trị bị cảnh báo của một biểu mẫu và kỳ báo cáo trong phạm vi của bạn, theo đơn vị và chỉ số, với kết quả xử lý.",
  form: "Biểu mẫu",
  period: "Kỳ (ví dụ 202309)",
  show: "Xem",
  count: (n: number, reports: number) => `${n} giá trị bất thường trong ${reports} báo cáo.`,
  unit: "Đơn vị",
  metric: "Chỉ số",
  value: "Giá trị",
  expected: "Khoảng kỳ vọng",
  why: "Lý do",
  note: "Ghi chú của đơn vị",
  followUp: "Xử lý",
  confirm: "Xác nhận đúng",
  corrected: "Đã sửa",
  statuses: { confirmed: "Đã xác nhận đúng", corrected: "Đã sửa" } as Record<string, string>,
  by: (who: string, when: string) => `${who}, ${when}`,
  open: "Mở báo cáo",
};
