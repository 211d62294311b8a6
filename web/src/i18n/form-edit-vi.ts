/** Creating a form and changing its metrics from a period (web/src/pages/admin): Vietnamese. */
export const formEditVi = {
  provinceOnly:
    "Chỉ quản trị viên cấp tỉnh được tạo, sửa biểu mẫu, quy tắc và đơn vị phải nộp; bạn chỉ xem được.",
  create: "Tạo biểu mẫu",
  creating: "Đang tạo…",
  created: (code: string) => `Đã tạo biểu mẫu ${code}.`,
  createTitle: "Tạo biểu mẫu mới",
  metricsLabel: "Chỉ tiêu của biểu mẫu",
  basics: "Thông tin chung",
  dueKind: "Hạn nộp tính theo",
  dueKinds: {
    days_after_end: "Số ngày sau khi hết kỳ",
    decree09: "Số ngày sau ngày chốt số liệu (Nghị định 09)",
  } as Record<string, string>,
  dueDays: "Số ngày",
  lockAfterDays: "Khóa báo cáo sau (ngày)",
  lockHint: "Để trống nếu không khóa.",
  openFrom: "Mở từ kỳ",
  openFromHint: "Mã kỳ, ví dụ 202601, 2026Q1, 2026H1, 2026. Để trống: mọi kỳ.",
  submitterMayApprove: "Người nộp được tự phê duyệt báo cáo của mình",
  unitsHint: "Mã đơn vị phải nộp, cách nhau bằng dấu phẩy hoặc xuống dòng. Có thể để trống và giao sau.",
  metricList: "Danh sách chỉ số",
  noMetrics: "Chưa có chỉ số nào. Chọn một chỉ số rồi bấm Thêm chỉ số.",
  position: "STT",
  metric: "Chỉ số",
  addMetric: "Thêm chỉ số",
  chooseMetric: "Chọn chỉ số",
  groupsOf: (code: string) => `Nhóm đơn vị báo cáo ${code}`,
  groupsHint: "Không chọn nhóm nào: mọi đơn vị đều báo cáo.",
  requiredOf: (code: string) => `${code} bắt buộc`,
  moveUp: (code: string) => `Chuyển ${code} lên`,
  moveDown: (code: string) => `Chuyển ${code} xuống`,
  remove: (code: string) => `Bỏ ${code} khỏi biểu mẫu`,
  versionTitle: "Đổi danh sách chỉ số từ một kỳ",
  versionIntro:
    "Thay đổi áp dụng từ kỳ được chọn; các kỳ trước (và báo cáo đã lập) giữ phiên bản cũ. Quy tắc hiện có được giữ nguyên.",
  validFrom: "Áp dụng từ kỳ",
  saveVersion: "Lưu phiên bản mới",
  versionSaved: (period: string) => `Đã lưu phiên bản áp dụng từ ${period}.`,
  versions: "Các phiên bản",
  versionLine: (from: string | null, n: number) =>
    `${from === null ? "Phiên bản đầu tiên" : `Từ ${from}`}: ${n} chỉ số`,
};

export type FormEditMessages = typeof formEditVi;
