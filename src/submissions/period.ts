import {
  comparePeriods,
  dueDate,
  formatPeriod,
  lockDate,
  type Period,
  parsePeriod,
  periodEnd,
  periodStart,
  reportingWindow,
  tryParsePeriod,
} from "../domain/period/index.ts";
import { fieldIssue, invalid } from "../errors/app-error.ts";
import type { FormContext } from "./context.ts";
import { issues } from "./messages.ts";

/** Kỳ báo cáo of a form, with the dates its report lives by. */
export interface ReportPeriod {
  period: Period;
  id: string;
  start: string;
  end: string;
  /** First day of the data the report covers (the Decree 09 window may start the month before). */
  opens: string;
  /** Last day of the data the report covers (the Decree 09 cut-off, or the period's end). */
  cutOff: string;
  due: string;
  /** Last day the report can be edited; null when the form never locks. */
  lock: string | null;
}

/** The dates of a period of the form, without checking when it may be reported. */
export function periodDates(form: FormContext, period: Period): ReportPeriod {
  const due = dueDate(period, form.dueRule);
  const window = reportingWindow(period, form.dueRule);
  return {
    period,
    id: formatPeriod(period),
    start: periodStart(period),
    end: periodEnd(period),
    opens: window.start,
    cutOff: window.end,
    due,
    lock: lockDate(due, form.lockAfterDays),
  };
}

/**
 * A period a report may be written for: of the form's type, not before the form opened and
 * already open (`today` in Việt Nam). Throws 400 at `period`.
 */
export function reportPeriod(form: FormContext, id: string, today: string): ReportPeriod {
  const parsed = tryParsePeriod(id, form.periodType);
  if (!parsed.ok) throw invalid(fieldIssue("period", parsed.error.messageVi, parsed.error.messageEn));
  const dates = periodDates(form, parsed.period);
  if (form.openFrom && comparePeriods(parsed.period, parsePeriod(form.openFrom)) < 0) {
    throw invalid(issues.beforeOpen(dates.id, form.openFrom));
  }
  if (dates.opens > today) throw invalid(issues.notStarted(dates.id));
  return dates;
}
