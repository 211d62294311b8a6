import {
  addDays,
  dueDate,
  formatPeriod,
  nextPeriod,
  type Period,
  periodOf,
  previousPeriod,
  reportingWindow,
} from "../period/index.ts";
import type {
  Notice,
  NoticeAssignment,
  NoticeForm,
  NoticeInput,
  NoticeKind,
  NoticeReport,
  ReportStatus,
} from "./types.ts";

/** Scheduled notices are made from this hour of the day in Việt Nam on (none at night). */
export const SEND_HOUR = 8;
/** A step missed (the servers were down on its day) is still made this many days late, never later. */
export const CATCH_UP_DAYS = 7;

type Audience = "reporters" | "approvers" | "admins";

/** One step of a chain: made on `fires`, until the chain's next step or CATCH_UP_DAYS. */
interface Step {
  kind: NoticeKind;
  step: string;
  fires: string;
  audience: Audience;
}

/** The stable identity of a notice: one per kind, form, period, unit, recipient and step. */
export function noticeKey(
  n: Pick<Notice, "kind" | "form" | "period" | "unit" | "recipient" | "step">,
): string {
  return [n.kind, n.form ?? "", n.period ?? "", n.unit ?? "", n.recipient, n.step].join("|");
}

/** Not yet sent to the approvers: no report, a draft, or one returned to the unit. */
export function outstanding(status: ReportStatus | undefined): boolean {
  return status === undefined || status === "draft" || status === "returned";
}

/** The chains of steps of one form's period, each chain in the order its steps fire. */
export function stepsOf(form: NoticeForm, p: Period): Step[][] {
  const due = dueDate(p, form.dueRule);
  const opens = addDays(reportingWindow(p, form.dueRule).end, 1);
  const { remindDaysBefore, escalateAfterDays, escalateProvinceAfterDays } = form.settings;
  const soon = [...new Set(remindDaysBefore)]
    .filter((d) => d >= 1)
    .sort((a, b) => b - a)
    .map(
      (d): Step => ({ kind: "due_soon", step: String(d), fires: addDays(due, -d), audience: "reporters" }),
    );
  const open: Step = { kind: "form_open", step: "", fires: opens, audience: "reporters" };
  const today: Step = { kind: "due_today", step: "", fires: due, audience: "reporters" };
  const late: Step = { kind: "overdue", step: "", fires: addDays(due, 1), audience: "reporters" };
  const reporters = [open, ...soon, today, late].sort((a, b) => a.fires.localeCompare(b.fires));
  return [
    reporters,
    [
      {
        kind: "escalation",
        step: String(escalateAfterDays),
        fires: addDays(due, escalateAfterDays),
        audience: "approvers",
      },
    ],
    [
      {
        kind: "escalation_province",
        step: String(escalateProvinceAfterDays),
        fires: addDays(due, escalateProvinceAfterDays),
        audience: "admins",
      },
    ],
  ];
}

/** The steps of the chains active on `today`: fired, and neither superseded nor too old. */
export function activeSteps(chains: Step[][], today: string): Step[] {
  return chains.flatMap((chain) =>
    chain.filter((s, i) => {
      const next = chain[i + 1]?.fires;
      const until = addDays(s.fires, CATCH_UP_DAYS);
      return s.fires <= today && today < (next !== undefined && next < until ? next : until);
    }),
  );
}

/** The periods of a form whose steps may be active on `today`, newest first. */
export function candidatePeriods(form: NoticeForm, today: string): Period[] {
  const { escalateAfterDays, escalateProvinceAfterDays } = form.settings;
  const lag = Math.max(1, escalateAfterDays, escalateProvinceAfterDays) + CATCH_UP_DAYS;
  const out: Period[] = [];
  let p = nextPeriod(periodOf(form.periodType, today));
  while (addDays(dueDate(p, form.dueRule), lag) >= today && out.length < 60) {
    if (form.openFrom === null || formatPeriod(p) >= form.openFrom) out.push(p);
    p = previousPeriod(p);
  }
  return out;
}

/** The unit existed when the period's data window closed. */
function existed(a: NoticeAssignment, windowEnd: string): boolean {
  return a.validFrom <= windowEnd && (a.validTo === null || a.validTo > windowEnd);
}

function notice(base: Omit<Notice, "key">): Notice {
  return { ...base, key: noticeKey(base) };
}

/** The notices of one form's period on `today`. */
function periodNotices(
  form: NoticeForm,
  p: Period,
  today: string,
  assigned: NoticeAssignment[],
  statusOf: (unit: string) => ReportStatus | undefined,
  provinceAdmins: number[],
): Notice[] {
  const period = formatPeriod(p);
  const windowEnd = reportingWindow(p, form.dueRule).end;
  const late = assigned.filter((a) => existed(a, windowEnd) && outstanding(statusOf(a.unit)));
  if (late.length === 0) return [];
  const due = dueDate(p, form.dueRule);
  const common = { form: form.code, period, dueDate: due, count: 0, reason: null };
  const out: Notice[] = [];
  for (const s of activeSteps(stepsOf(form, p), today)) {
    const head = { ...common, kind: s.kind, step: s.step };
    if (s.audience === "reporters") {
      for (const a of late) {
        for (const r of new Set(a.reporters))
          out.push(notice({ ...head, recipient: r, unit: a.unit, units: [a.unit] }));
      }
      continue;
    }
    const listFor = (user: number) =>
      late.filter((a) => s.audience === "admins" || a.approvers.includes(user)).map((a) => a.unit);
    const users = s.audience === "admins" ? provinceAdmins : late.flatMap((a) => a.approvers);
    for (const u of new Set(users))
      out.push(notice({ ...head, recipient: u, unit: null, units: listFor(u) }));
  }
  return out;
}

/** Approvers' daily "waiting for you": one notice a day to each approver with reports to decide. */
export function waitingNotices(input: NoticeInput): Notice[] {
  const approversOf = new Map(input.assignments.map((a) => [`${a.form}|${a.unit}`, a.approvers]));
  const units = new Map<number, string[]>();
  for (const r of input.reports) {
    if (r.status !== "submitted") continue;
    for (const u of approversOf.get(`${r.form}|${r.unit}`) ?? [])
      units.set(u, [...(units.get(u) ?? []), r.unit]);
  }
  return [...units].map(([recipient, list]) =>
    notice({
      kind: "approvals_waiting",
      recipient,
      form: null,
      period: null,
      unit: null,
      units: [...new Set(list)].sort(),
      step: input.today,
      dueDate: null,
      count: list.length,
      reason: null,
    }),
  );
}

/**
 * Every scheduled notice due at this moment. The same input always gives the same notices with
 * the same keys, so a sweep run twice, or by two servers, stores each once. Nothing before
 * SEND_HOUR in Việt Nam.
 */
export function noticesDue(input: NoticeInput): Notice[] {
  if (input.hour < SEND_HOUR) return [];
  const status = new Map(
    input.reports.map((r: NoticeReport) => [`${r.form}|${r.unit}|${r.period}`, r.status]),
  );
  const out: Notice[] = [];
  for (const form of input.forms) {
    const assigned = input.assignments.filter((a) => a.form === form.code);
    for (const p of candidatePeriods(form, input.today)) {
      const period = formatPeriod(p);
      const statusOf = (unit: string) => status.get(`${form.code}|${unit}|${period}`);
      out.push(...periodNotices(form, p, input.today, assigned, statusOf, input.provinceAdmins));
    }
  }
  return [...out, ...waitingNotices(input)];
}
