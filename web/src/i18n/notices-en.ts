import type { noticesVi } from "./notices-vi.ts";

/** The notification centre's words (English). */
export const noticesEn: typeof noticesVi = {
  title: "Notifications",
  bell: (n) => (n > 0 ? `Notifications: ${n} unread` : "Notifications: none unread"),
  empty: "No notifications yet.",
  unreadOnly: "Show unread only",
  markRead: "Mark as read",
  markAllRead: "Mark all as read",
  unread: "Unread",
  mandatory: "Mandatory",
};
