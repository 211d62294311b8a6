/** The notification centre's words (Vietnamese). */
export const noticesVi = {
  title: "Thông báo",
  bell: (n: number) => (n > 0 ? `Thông báo: ${n} chưa đọc` : "Thông báo: không có thông báo chưa đọc"),
  empty: "Chưa có thông báo nào.",
  unreadOnly: "Chỉ hiện thông báo chưa đọc",
  markRead: "Đánh dấu đã đọc",
  markAllRead: "Đánh dấu tất cả đã đọc",
  unread: "Chưa đọc",
  mandatory: "Bắt buộc",
};
