import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  vietnamDate,
} from "./calendar.ts";
import { PeriodError } from "./errors.ts";

describe("calendar", () => {
  it("knows leap years and month lengths", () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 9)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it("reads strict ISO dates only", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of [
      "2023-02-29",
      "2023-9-30",
      "2023-13-01",
      "2023-00-10",
      "30/09/2023",
      "2023-09-30T00:00:00Z",
      "",
    ]) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => parseIsoDate(bad)).toThrow(PeriodError);
    }
    expect(isIsoDate("2023-09-30")).toBe(true);
  });

  it("names the bad date in both languages", () => {
    try {
      parseIsoDate("2023-02-30");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PeriodError);
      expect((e as PeriodError).code).toBe("INVALID_DATE");
      expect((e as PeriodError).messageVi).toBe("Ngày '2023-02-30' không hợp lệ; dùng dạng YYYY-MM-DD");
    }
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2023-09-30", 1)).toBe("2023-10-01");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2023-03-01", -1)).toBe("2023-02-28");
    expect(addDays("2023-09-14", 0)).toBe("2023-09-14");
    expect(addDays("2023-01-01", 365)).toBe("2024-01-01");
  });

  it("adding then subtracting returns the same day, and counts the days between", () => {
    const date = fc
      .record({
        y: fc.integer({ min: 1900, max: 2100 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (iso, n) => {
        const later = addDays(iso, n);
        expect(isIsoDate(later)).toBe(true);
        expect(addDays(later, -n)).toBe(iso);
        expect(daysBetween(iso, later)).toBe(n);
      }),
    );
  });

  it("gives the Vietnamese calendar day of an instant (UTC+7)", () => {
    expect(vietnamDate(new Date("2023-10-05T16:59:59Z"))).toBe("2023-10-05");
    expect(vietnamDate(new Date("2023-10-05T17:00:00Z"))).toBe("2023-10-06");
    expect(vietnamDate(new Date("2023-12-31T17:30:00Z"))).toBe("2024-01-01");
    expect(() => vietnamDate(new Date("nonsense"))).toThrow(PeriodError);
  });
});
