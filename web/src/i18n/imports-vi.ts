/** The list imports screen (admin) and the password-link page: Vietnamese. */
export const importsVi = {
  intro:
    "Nạp danh mục đơn vị hoặc danh sách người dùng từ tệp CSV hay Excel (.xlsx). Chạy thử trước để xem từng dòng; chỉ khi không dòng nào bị từ chối mới xác nhận nạp, tất cả hoặc không. Nạp lại cùng tệp không thay đổi gì.",
  kind: "Loại danh sách",
  kinds: { units: "Đơn vị", users: "Người dùng" } as Record<string, string>,
  columns: {
    units:
      "Cột: code, name, name_en, kind (territorial|agency), type, level, parent_code, valid_from, valid_to, predecessor_codes",
    users: "Cột: username, full_name, email, role (admin|reporter|approver|viewer|appraiser), unit_code",
  } as Record<string, string>,
  file: "Tệp",
  preview: "Chạy thử",
  previewing: "Đang kiểm tra…",
  confirm: "Xác nhận nạp",
  confirming: "Đang nạp…",
  previewTitle: "Kết quả chạy thử (chưa ghi)",
  resultTitle: "Đã nạp",
  counts: (c: { create: number; unchanged: number; rejected: number }) =>
    `Tạo mới ${c.create}, giữ nguyên ${c.unchanged}, từ chối ${c.rejected}`,
  fixFirst: "Có dòng bị từ chối: sửa tệp rồi chạy thử lại. Chưa ghi gì.",
  nothingNew: "Không có gì mới để nạp.",
  row: "Dòng",
  key: "Mã / tên đăng nhập",
  action: "Kết quả",
  problems: "Lý do",
  actions: { create: "Tạo mới", unchanged: "Giữ nguyên", rejected: "Từ chối" } as Record<string, string>,
  linksTitle: "Liên kết đặt mật khẩu (chỉ hiện một lần)",
  linksNote:
    "Mỗi người dùng mới chưa có mật khẩu. Gửi riêng cho từng người liên kết của mình; liên kết dùng được một lần, đến hạn ghi bên cạnh. Quản trị viên có thể cấp liên kết mới.",
  expires: "Hết hạn",
  setPassword: {
    title: "Đặt mật khẩu",
    intro: "Chọn mật khẩu cho tài khoản của bạn. Liên kết này chỉ dùng được một lần.",
    password: "Mật khẩu mới",
    hint: "Ít nhất 10 ký tự.",
    repeat: "Nhập lại mật khẩu",
    mismatch: "Hai mật khẩu không khớp.",
    submit: "Đặt mật khẩu",
    busy: "Đang lưu…",
    noToken: "Liên kết không đầy đủ: hãy mở đúng liên kết quản trị viên đã gửi.",
    done: (username: string) => `Đã đặt mật khẩu cho ${username}. Bạn có thể đăng nhập.`,
    toLogin: "Đến trang đăng nhập",
  },
};
export type ImportsMessages = typeof importsVi;
