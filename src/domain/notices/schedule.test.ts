import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../period/index.ts";
import { outsideQuietHours } from "./quiet.ts";
import { noticesDue } from "./schedule.ts";
import { noticeText } from "./text.ts";
import { DEFAULT_SETTINGS, type NoticeAssignment, type NoticeForm, type NoticeInput } from "./types.ts";

/** A monthly form due 5 days after the month: 10/2026 opens 01/11, is due 05/11. */
const form: NoticeForm = {
  code: "F",
  periodType: "month",
  dueRule: { kind: "days_after_end", days: 5 },
  openFrom: "202610",
  settings: DEFAULT_SETTINGS,
};
const unit = (code: string, reporter: number, extra: Partial<NoticeAssignment> = {}): NoticeAssignment => ({
  form: "F",
  unit: code,
  validFrom: "2020-01-01",
  validTo: null,
  reporters: [reporter],
  approvers: [20],
  ...extra,
});
const base: NoticeInput = {
  today: "2026-11-02",
  hour: 9,
  forms: [form],
  assignments: [unit("C11", 11), unit("C12", 12)],
  reports: [],
  provinceAdmins: [1],
};
const keysOn = (today: string, input: Partial<NoticeInput> = {}) =>
  noticesDue({ ...base, ...input, today }).map((n) => n.key);

/** The keys of every notice made by one run a day, each day at 09:00, from `from` for `days` days. */
function month(from: string, days: number, input: Partial<NoticeInput> = {}): Map<string, string> {
  const firstDay = new Map<string, string>();
  for (let i = 0; i < days; i++) {
    const today = addDays(from, i);
    for (const k of keysOn(today, input)) if (!firstDay.has(k)) firstDay.set(k, today);
  }
  return firstDay;
}

describe("noticesDue", () => {
  it("reminds each reporter 3 days before the due date, once per unit", () => {
    expect(keysOn("2026-11-02")).toEqual(["due_soon|F|202610|C11|11|3", "due_soon|F|202610|C12|12|3"]);
  });

  it("makes nothing before 08:00 in Việt Nam", () => {
    expect(noticesDue({ ...base, hour: 7 })).toEqual([]);
  });

  it("walks a month: open, 3 and 1 days before, due, overdue, escalation to approvers, then to the province", () => {
    const withC12Sent = {
      reports: [{ form: "F", unit: "C12", period: "202610", status: "submitted" as const }],
    };
    const days = month("2026-10-25", 21, withC12Sent);
    const october = [...days].filter(([k]) => k.includes("|202610|") && !k.startsWith("approvals"));
    expect(october).toEqual([
      ["form_open|F|202610|C11|11|", "2026-11-01"],
      ["due_soon|F|202610|C11|11|3", "2026-11-02"],
      ["due_soon|F|202610|C11|11|1", "2026-11-04"],
      ["due_today|F|202610|C11|11|", "2026-11-05"],
      ["overdue|F|202610|C11|11|", "2026-11-06"],
      ["escalation|F|202610||20|3", "2026-11-08"],
      ["escalation_province|F|202610||1|7", "2026-11-12"],
    ]);
    // C12 sent its report: the approver is told daily, each day once.
    const waiting = [...days].filter(([k]) => k.startsWith("approvals_waiting"));
    expect(waiting).toHaveLength(21);
    expect(waiting[0]).toEqual(["approvals_waiting||||20|2026-10-25", "2026-10-25"]);
  });

  it("lists the late units to the approvers above them and to the province's admins", () => {
    const list = noticesDue({ ...base, today: "2026-11-12" })
      .filter((n) => n.kind === "escalation_province")
      .map((n) => [n.kind, n.recipient, n.units]);
    expect(list).toEqual([["escalation_province", 1, ["C11", "C12"]]]);
    const approvers = noticesDue({ ...base, today: "2026-11-08" }).filter((n) => n.kind === "escalation");
    expect(approvers.map((n) => [n.recipient, n.units])).toEqual([[20, ["C11", "C12"]]]);
  });

  it("still makes a step missed by a day, but not once the next step has come", () => {
    expect(keysOn("2026-11-03")).toContain("due_soon|F|202610|C11|11|3");
    expect(keysOn("2026-11-05").filter((k) => k.includes("C11"))).toEqual(["due_today|F|202610|C11|11|"]);
  });

  it("stops chasing a period a week after its last step", () => {
    // The reporters' "overdue" ran 06/11 to 12/11; the lists run on a week after their day.
    expect(keysOn("2026-11-13")).toEqual(["escalation|F|202610||20|3", "escalation_province|F|202610||1|7"]);
    expect(keysOn("2026-11-19")).toEqual([]);
  });

  it("says nothing about a unit that did not exist when the period closed, nor before the form's first period", () => {
    const young = [unit("C11", 11, { validFrom: "2026-11-01" })];
    expect(keysOn("2026-11-02", { assignments: young })).toEqual([]);
    expect(keysOn("2026-10-02", { assignments: [unit("C11", 11)] })).toEqual([]);
  });

  it("follows the per-form offsets and escalation days", () => {
    const settings = { remindDaysBefore: [5], escalateAfterDays: 1, escalateProvinceAfterDays: 2 };
    const days = month("2026-10-25", 15, { forms: [{ ...form, settings }], assignments: [unit("C11", 11)] });
    expect([...days].map(([k, d]) => `${k.split("|")[0]}@${d}`)).toEqual([
      "due_soon@2026-10-31",
      "form_open@2026-11-01",
      "due_today@2026-11-05",
      "overdue@2026-11-06",
      "escalation@2026-11-06",
      "escalation_province@2026-11-07",
    ]);
  });

  it("opens a Decree 09 form the day after its data cut-off", () => {
    const decree: NoticeForm = { ...form, dueRule: { kind: "decree09", days: 5 }, openFrom: null };
    expect(keysOn("2026-11-15", { forms: [decree] })).toContain("form_open|F|202611|C11|11|");
    expect(keysOn("2026-11-14", { forms: [decree] }).some((k) => k.startsWith("form_open"))).toBe(false);
  });

  it("gives the same notices, each key once, whatever the day and settings", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 20 }),
        (offset, remind, m) => {
          const settings = {
            remindDaysBefore: remind,
            escalateAfterDays: m,
            escalateProvinceAfterDays: m + 3,
          };
          const input = { ...base, today: addDays("2026-01-01", offset), forms: [{ ...form, settings }] };
          const keys = noticesDue(input).map((n) => n.key);
          expect(new Set(keys).size).toBe(keys.length);
          expect(noticesDue(input).map((n) => n.key)).toEqual(keys);
        },
      ),
    );
  });
});

describe("outsideQuietHours", () => {
  it("holds e-mail from 21:00 to 07:00 in Việt Nam", () => {
    const at = (iso: string) => outsideQuietHours(new Date(iso)).toISOString();
    expect(at("2026-11-20T02:00:00.000Z")).toBe("2026-11-20T02:00:00.000Z");
    expect(at("2026-11-20T14:30:00.000Z")).toBe("2026-11-21T00:00:00.000Z");
    expect(at("2026-11-19T23:00:00.000Z")).toBe("2026-11-20T00:00:00.000Z");
  });
});

describe("noticeText", () => {
  it("writes each notice in Vietnamese and English", () => {
    const names = { form: (c: string) => `Biểu ${c}`, unit: (c: string) => `Xã ${c}` };
    const [n] = noticesDue(base);
    if (!n) throw new Error("no notice");
    expect(noticeText(n, names, "vi")).toEqual({
      title: "Còn 3 ngày đến hạn: Biểu F Tháng 10/2026",
      body: "Báo cáo Biểu F kỳ Tháng 10/2026 của Xã C11 đến hạn ngày 05/11/2026.",
    });
    expect(noticeText(n, names, "en").title).toBe("Due in 3 day(s): Biểu F October 2026");
  });
});
