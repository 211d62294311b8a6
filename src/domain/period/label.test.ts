import { describe, expect, it } from "vitest";
import { labelEn, labelVi } from "./label.ts";
import { parsePeriod } from "./parse.ts";

describe("period labels", () => {
  it.each([
    ["202309", "Tháng 9/2023", "September 2023"],
    ["202301", "Tháng 1/2023", "January 2023"],
    ["202312", "Tháng 12/2023", "December 2023"],
    ["2023Q1", "Quý I/2023", "Q1 2023"],
    ["2023Q2", "Quý II/2023", "Q2 2023"],
    ["2023Q3", "Quý III/2023", "Q3 2023"],
    ["2023Q4", "Quý IV/2023", "Q4 2023"],
    ["2023S1", "6 tháng đầu năm 2023", "H1 2023"],
    ["2023S2", "6 tháng cuối năm 2023", "H2 2023"],
    ["2023", "Năm 2023", "2023"],
  ])("%s reads %s / %s", (id, vi, en) => {
    expect(labelVi(parsePeriod(id))).toBe(vi);
    expect(labelEn(parsePeriod(id))).toBe(en);
  });

  it("writes Vietnamese labels in NFC", () => {
    const label = labelVi(parsePeriod("2023S2"));
    expect(label).toBe(label.normalize("NFC"));
  });
});
