import { describe, expect, it } from "vitest";
import { PeriodError } from "../period/index.ts";
import { formatDateEn, formatDateVi, formatLongDateEn, formatLongDateVi } from "./date.ts";

describe("dates", () => {
  it("writes short Vietnamese dates as dd/mm/yyyy", () => {
    expect(formatDateVi("2023-09-30")).toBe("30/09/2023");
    expect(formatDateVi("2024-01-05")).toBe("05/01/2024");
  });

  it("writes the official long date with zeros only on days below 10 and months 1 and 2", () => {
    expect(formatLongDateVi("2023-10-05")).toBe("ngày 05 tháng 10 năm 2023");
    expect(formatLongDateVi("2024-01-05")).toBe("ngày 05 tháng 01 năm 2024");
    expect(formatLongDateVi("2024-02-29")).toBe("ngày 29 tháng 02 năm 2024");
    expect(formatLongDateVi("2024-03-15")).toBe("ngày 15 tháng 3 năm 2024");
    expect(formatLongDateVi("2023-09-30")).toBe("ngày 30 tháng 9 năm 2023");
    expect(formatLongDateVi("2023-12-01")).toBe("ngày 01 tháng 12 năm 2023");
  });

  it("writes English dates day first with the month as a word", () => {
    expect(formatDateEn("2023-09-30")).toBe("30 Sep 2023");
    expect(formatDateEn("2023-10-05")).toBe("5 Oct 2023");
    expect(formatLongDateEn("2023-10-05")).toBe("5 October 2023");
  });

  it("refuses dates that do not exist", () => {
    expect(() => formatDateVi("2023-02-29")).toThrow(PeriodError);
    expect(() => formatLongDateVi("30/09/2023")).toThrow(PeriodError);
    expect(() => formatDateEn("")).toThrow(PeriodError);
  });
});
