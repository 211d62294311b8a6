import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DueRule,
  decree09Window,
  dueDate,
  isLate,
  isLocked,
  latestDuePeriod,
  lockDate,
  reportingWindow,
} from "./due.ts";
import { PeriodError } from "./errors.ts";
import { formatPeriod, parsePeriod } from "./parse.ts";
import { nextPeriod } from "./range.ts";
import { PERIOD_TYPES } from "./types.ts";

const p = parsePeriod;
const decree = (days: number): DueRule => ({ kind: "decree09", days });
const afterEnd = (days: number): DueRule => ({ kind: "days_after_end", days });

describe("Decree 09/2019 data cut-off windows", () => {
  it.each([
    ["202309", "2023-08-15", "2023-09-14"],
    ["202301", "2022-12-15", "2023-01-14"],
    ["202312", "2023-11-15", "2023-12-14"],
    ["202303", "2023-02-15", "2023-03-14"],
    ["2023Q1", "2022-12-15", "2023-03-14"],
    ["2023Q2", "2023-03-15", "2023-06-14"],
    ["2023Q3", "2023-06-15", "2023-09-14"],
    ["2023Q4", "2023-09-15", "2023-12-14"],
    ["2023S1", "2022-12-15", "2023-06-14"],
    ["2023S2", "2023-06-15", "2023-12-14"],
    ["2023", "2022-12-15", "2023-12-14"],
  ])("%s covers %s to %s", (id, start, end) => {
    expect(decree09Window(p(id))).toEqual({ start, end });
    expect(reportingWindow(p(id), decree(0))).toEqual({ start, end });
  });
});

describe("reportingWindow for days_after_end", () => {
  it("is the calendar period", () => {
    expect(reportingWindow(p("202309"), afterEnd(5))).toEqual({ start: "2023-09-01", end: "2023-09-30" });
    expect(reportingWindow(p("2023Q3"), afterEnd(5))).toEqual({ start: "2023-07-01", end: "2023-09-30" });
  });
});

describe("dueDate", () => {
  it("adds the days to the end of the calendar period", () => {
    expect(dueDate(p("202309"), afterEnd(5))).toBe("2023-10-05");
    expect(dueDate(p("202302"), afterEnd(10))).toBe("2023-03-10");
    expect(dueDate(p("202402"), afterEnd(10))).toBe("2024-03-10");
    expect(dueDate(p("2023Q4"), afterEnd(15))).toBe("2024-01-15");
    expect(dueDate(p("2023"), afterEnd(0))).toBe("2023-12-31");
  });

  it("adds the days to the end of the Decree 09 window", () => {
    expect(dueDate(p("202309"), decree(6))).toBe("2023-09-20");
    expect(dueDate(p("202312"), decree(20))).toBe("2024-01-03");
    expect(dueDate(p("2023Q3"), decree(6))).toBe("2023-09-20");
    expect(dueDate(p("2023S1"), decree(0))).toBe("2023-06-14");
    expect(dueDate(p("2023"), decree(20))).toBe("2024-01-03");
  });

  it("refuses negative, fractional or huge day counts", () => {
    for (const days of [-1, 1.5, 367, Number.NaN]) {
      expect(() => dueDate(p("202309"), afterEnd(days))).toThrow(PeriodError);
    }
    expect(() => dueDate(p("202309"), afterEnd(-1))).toThrow(
      expect.objectContaining({
        code: "INVALID_DAYS",
        messageVi: "Số ngày -1 không hợp lệ; phải là số nguyên từ 0 đến 366",
      }),
    );
  });

  it("refuses an unknown rule read from storage", () => {
    const rule = { kind: "weekly", days: 3 } as unknown as DueRule;
    expect(() => dueDate(p("202309"), rule)).toThrow(expect.objectContaining({ code: "INVALID_DUE_RULE" }));
  });
});

describe("lockDate and isLocked", () => {
  it("is the due date plus the days, or never", () => {
    expect(lockDate("2023-10-05", 10)).toBe("2023-10-15");
    expect(lockDate("2023-10-05", 0)).toBe("2023-10-05");
    expect(lockDate("2023-10-05", null)).toBeNull();
    expect(() => lockDate("2023-10-05", -3)).toThrow(PeriodError);
  });

  it("locks from the day after the lock date", () => {
    expect(isLocked("2023-10-15", "2023-10-15")).toBe(false);
    expect(isLocked("2023-10-16", "2023-10-15")).toBe(true);
    expect(isLocked("2099-01-01", null)).toBe(false);
  });
});

describe("isLate", () => {
  it("is late only on a day after the due date", () => {
    expect(isLate("2023-10-04", "2023-10-05")).toBe(false);
    expect(isLate("2023-10-05", "2023-10-05")).toBe(false);
    expect(isLate("2023-10-06", "2023-10-05")).toBe(true);
    expect(isLate("2024-01-01", "2023-12-31")).toBe(true);
  });

  it("refuses timestamps, which must first become a Vietnamese date", () => {
    expect(() => isLate("2023-10-05T20:00:00Z", "2023-10-05")).toThrow(PeriodError);
  });
});

describe("latestDuePeriod", () => {
  const latest = (rule: DueRule, today: string, type: "month" | "quarter" | "year" = "month") =>
    formatPeriod(latestDuePeriod(type, rule, today));

  it("is last month once its due date has passed, the month before until then", () => {
    // 202610 is due 05/11/2026 (5 days after the month).
    expect(latest(afterEnd(5), "2026-11-20")).toBe("202610");
    expect(latest(afterEnd(5), "2026-11-06")).toBe("202610");
    expect(latest(afterEnd(5), "2026-11-05")).toBe("202609");
    expect(latest(afterEnd(5), "2026-01-03")).toBe("202511");
    expect(latest(afterEnd(40), "2026-11-20")).toBe("202609");
  });

  it("follows the Decree 09 cut-off: this month once the 14th plus the days has passed", () => {
    expect(latest(decree(3), "2026-11-18")).toBe("202611");
    expect(latest(decree(3), "2026-11-17")).toBe("202610");
    expect(latest(decree(0), "2026-11-15")).toBe("202611");
  });

  it("works for quarters and years", () => {
    expect(latest(afterEnd(15), "2026-11-20", "quarter")).toBe("2026Q3");
    expect(latest(afterEnd(15), "2026-10-15", "quarter")).toBe("2026Q2");
    expect(latest(afterEnd(30), "2026-11-20", "year")).toBe("2025");
  });

  it("is due before today while the next period is not, whatever the rule and the day", () => {
    const day = fc
      .record({
        y: fc.integer({ min: 1950, max: 2090 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    const rule = fc.record({
      kind: fc.constantFrom("days_after_end" as const, "decree09" as const),
      days: fc.integer({ min: 0, max: 366 }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_TYPES), rule, day, (type, r, today) => {
        const p = latestDuePeriod(type, r, today);
        expect(dueDate(p, r) < today).toBe(true);
        expect(dueDate(nextPeriod(p), r) >= today).toBe(true);
      }),
    );
  });

  it("refuses a timestamp for today", () => {
    expect(() => latestDuePeriod("month", afterEnd(5), "2026-11-20T02:00:00Z")).toThrow(PeriodError);
  });
});
