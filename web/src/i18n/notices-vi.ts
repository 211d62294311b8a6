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
  settings: "Thiết lập nhận thông báo",
  settingsTitle: "Thiết lập nhận thông báo của tôi",
  email: "Địa chỉ thư điện tử",
  emailHint: "Để trống nếu không muốn nhận thư.",
  emailEnabled: "Gửi thông báo qua thư điện tử",
  kindsWanted: "Các loại thông báo muốn nhận",
  mandatoryNote: "Thông báo báo cáo bị trả lại và báo cáo quá hạn luôn được gửi trong ứng dụng.",
  settingsSaved: "Đã lưu thiết lập nhận thông báo.",
};
