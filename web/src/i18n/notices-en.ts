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
  settings: "Notice settings",
  settingsTitle: "My notice settings",
  email: "E-mail address",
  emailHint: "Leave empty to get no e-mail.",
  emailEnabled: "Send notices by e-mail",
  kindsWanted: "The notices I want",
  mandatoryNote: "A report returned and a report overdue are always shown in the app.",
  settingsSaved: "Saved your notice settings.",
};
