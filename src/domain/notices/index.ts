export { daysFrom, type UpcomingNotice, upcomingNotices } from "./ahead.ts";
export { outsideQuietHours, QUIET_FROM_HOUR, QUIET_UNTIL_HOUR, vietnamHour } from "./quiet.ts";
export {
  activeSteps,
  CATCH_UP_DAYS,
  candidatePeriods,
  noticeKey,
  noticesDue,
  outstanding,
  SEND_HOUR,
  stepsOf,
  waitingNotices,
} from "./schedule.ts";
export { type Lang, type NoticeNames, type NoticeText, noticeText } from "./text.ts";
export {
  DEFAULT_SETTINGS,
  MANDATORY_KINDS,
  NOTICE_KINDS,
  type Notice,
  type NoticeAssignment,
  type NoticeForm,
  type NoticeInput,
  type NoticeKind,
  type NoticeReport,
  type NoticeSettings,
  type ReportStatus,
} from "./types.ts";
