import type { DueRule, PeriodType } from "../period/index.ts";

/**
 * Thông báo: what the monthly rhythm tells people. Reporters hear of a form opening, the days
 * before its due date, the due date and being overdue; approvers above a unit still overdue after
 * M days get its list (escalation), the province's admins after M2 days; approvers hear daily of
 * the reports waiting for them; a reporter hears at once of a report returned. An approver or an
 * admin may remind the reporters of chosen units at once ("reminder", not scheduled).
 */
export type NoticeKind =
  | "form_open"
  | "due_soon"
  | "due_today"
  | "overdue"
  | "escalation"
  | "escalation_province"
  | "approvals_waiting"
  | "returned"
  | "reminder";

export const NOTICE_KINDS: readonly NoticeKind[] = [
  "form_open",
  "due_soon",
  "due_today",
  "overdue",
  "escalation",
  "escalation_province",
  "approvals_waiting",
  "returned",
  "reminder",
];

/** Always delivered in-app, whatever the user chose. */
export const MANDATORY_KINDS: readonly NoticeKind[] = ["returned", "overdue"];

/** Per-form settings (thiết lập nhắc việc của biểu mẫu). */
export interface NoticeSettings {
  /** Days before the due date when reporters are reminded, e.g. [3, 1]. */
  remindDaysBefore: number[];
  /** Days after the due date when the approvers above a unit still overdue get it listed. */
  escalateAfterDays: number;
  /** Days after the due date when the province's admins get the units still overdue. */
  escalateProvinceAfterDays: number;
}

export const DEFAULT_SETTINGS: NoticeSettings = {
  remindDaysBefore: [3, 1],
  escalateAfterDays: 3,
  escalateProvinceAfterDays: 7,
};

export interface NoticeForm {
  code: string;
  periodType: PeriodType;
  dueRule: DueRule;
  /** First period that may be reported (canonical id), or null. */
  openFrom: string | null;
  settings: NoticeSettings;
}

/** A unit that must report a form, with the users to tell about it. */
export interface NoticeAssignment {
  form: string;
  unit: string;
  /** The unit's life, ISO dates; `validTo` is the first day it no longer exists. */
  validFrom: string;
  validTo: string | null;
  /** Users holding the reporter role over the unit. */
  reporters: number[];
  /** Users holding the approver role over the unit (on it or above it). */
  approvers: number[];
}

export type ReportStatus = "draft" | "submitted" | "approved" | "returned";

export interface NoticeReport {
  form: string;
  unit: string;
  period: string;
  status: ReportStatus;
}

export interface NoticeInput {
  /** Today in Việt Nam (YYYY-MM-DD) and the hour there (0–23). */
  today: string;
  hour: number;
  forms: NoticeForm[];
  assignments: NoticeAssignment[];
  reports: NoticeReport[];
  /** The province's administrators (admin role on a root of the tree). */
  provinceAdmins: number[];
}

/** One notice to one user. `key` is unique: a notice with a key already stored is not sent again. */
export interface Notice {
  key: string;
  kind: NoticeKind;
  recipient: number;
  form: string | null;
  period: string | null;
  /** The unit the notice is about, or null for a list. */
  unit: string | null;
  /** For lists (escalations, waiting approvals): the units. */
  units: string[];
  /** Distinguishes the reminders of one chain ("3" days before) or days of a daily notice. */
  step: string;
  dueDate: string | null;
  /** Waiting approvals: how many reports. */
  count: number;
  /** A returned report: the approver's reason; a reminder: the name of who sent it. */
  reason: string | null;
}
