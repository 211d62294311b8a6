import { addDays, dueDate, parsePeriod } from "../../domain/period/index.ts";
import { demoDueRule } from "./form.ts";

/** When a demo report was drafted, submitted and approved. */
export interface ReportTimeline {
  drafted: Date;
  submitted: Date;
  approved: Date;
}

/** A moment on an ISO date, in Việt Nam time (UTC+7). */
const at = (isoDate: string, hour: number) =>
  new Date(`${isoDate}T${String(hour).padStart(2, "0")}:00:00+07:00`);

/**
 * Every demo report is on time: submitted 0–3 days before its due date (the n-th unit's turn),
 * drafted the day before and approved 1–3 days later.
 */
export function reportTimeline(period: string, n: number): ReportTimeline {
  const due = dueDate(parsePeriod(period), demoDueRule);
  const submittedOn = addDays(due, -(n % 4));
  return {
    drafted: at(addDays(submittedOn, -1), 8 + (n % 9)),
    submitted: at(submittedOn, 8 + (n % 9)),
    approved: at(addDays(submittedOn, 1 + (n % 3)), 9 + (n % 7)),
  };
}
