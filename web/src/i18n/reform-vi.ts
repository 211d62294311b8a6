/** The reorganisation screen (admin): Vietnamese. */
export const reformVi = {
  intro:
    "Một tệp CSV hay Excel (.xlsx) mô tả cả đợt sắp xếp: mỗi dòng một đơn vị mới (với đơn vị cấp trên và các đơn vị tiền thân) hoặc một đơn vị bị bãi bỏ, cùng một ngày hiệu lực. Chạy thử để xem đơn vị nào giải thể, thành lập, chuyển; người dùng, biểu mẫu, kế hoạch, kỳ đánh giá nào cần xử lý. Áp dụng trong một giao dịch, tất cả hoặc không; áp dụng lại cùng tệp không thay đổi gì.",
  columns:
    "Cột: hành động (mở|bãi bỏ), mã, tên, loại, cấp đơn vị, mã cấp trên, tiền thân (mã cách nhau bởi ; hoặc +, phần chia tách ghi [một phần]), ngày hiệu lực",
  file: "Tệp sắp xếp",
  preview: "Chạy thử",
  previewing: "Đang kiểm tra…",
  confirm: "Áp dụng",
  confirming: "Đang áp dụng…",
  previewTitle: "Kết quả chạy thử (chưa ghi)",
  resultTitle: "Đã áp dụng",
  counts: (c: { open: number; close: number; move: number; unchanged: number; problems: number }) =>
    `Thành lập ${c.open}, giải thể ${c.close}, chuyển ${c.move}, giữ nguyên ${c.unchanged}, lỗi ${c.problems}`,
  fixFirst: "Tệp có lỗi: sửa rồi chạy thử lại. Chưa ghi gì.",
  nothingNew: "Đợt sắp xếp này đã được áp dụng: không có gì thay đổi.",
  opens: "Đơn vị thành lập",
  closes: "Đơn vị giải thể",
  moves: "Đơn vị chuyển",
  users: "Người dùng cần phân quyền lại (không tự động đổi)",
  others: (f: number, p: number, a: number) =>
    `Đơn vị giải thể còn có trong ${f} phân công biểu mẫu, ${p} kế hoạch, ${a} kỳ đánh giá.`,
  problems: "Lỗi",
  code: "Mã",
  parent: "Cấp trên",
  level: "Cấp",
  predecessors: "Tiền thân",
  part: "một phần",
  heir: "Đơn vị cấp dưới chuyển sang",
  from: "Từ",
  to: "Sang",
  user: "Người dùng",
  role: "Vai trò",
  unit: "Đơn vị",
  where: "Vị trí",
};
export type ReformMessages = typeof reformVi;
