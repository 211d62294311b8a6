import { describe, expect, it } from "vitest";
import { overlaps, pickUnit, unitCodeMessages, validOn } from "./index.ts";

const unit = (id: number, validFrom: string, validTo: string | null) => ({
  id,
  code: "30157",
  validFrom,
  validTo,
});
const old = unit(1, "2023-01-01", "2025-07-01");
const reborn = unit(2, "2025-07-01", null);

describe("unit codes across time", () => {
  it("treats the end as exclusive", () => {
    expect([validOn(old, "2025-06-30"), validOn(old, "2025-07-01"), validOn(reborn, "2025-07-01")]).toEqual([
      true,
      false,
      true,
    ]);
    expect(overlaps(old, reborn)).toBe(false);
    expect(overlaps(old, unit(3, "2025-06-30", "2025-08-01"))).toBe(true);
    expect(overlaps(reborn, unit(3, "2030-01-01", null))).toBe(true);
    expect(overlaps(unit(3, "2020-01-01", "2021-01-01"), old)).toBe(false);
  });

  it("picks the unit existing on the date, the only holder whatever the date, and never guesses", () => {
    expect(pickUnit([old, reborn], "2025-06-30")).toEqual({ unit: old });
    expect(pickUnit([old, reborn], "2026-01-31")).toEqual({ unit: reborn });
    expect(pickUnit([old], "2030-01-01")).toEqual({ unit: old });
    expect(pickUnit([], "2030-01-01")).toEqual({ unit: undefined });
    expect(pickUnit([reborn, old], undefined)).toEqual({ ambiguous: [old, reborn] });
    expect(pickUnit([reborn, old], "2020-01-01")).toEqual({ ambiguous: [old, reborn] });
  });

  it("says which units held the code, in both languages", () => {
    const text = unitCodeMessages.ambiguous("30157", null, [old, reborn]);
    expect(text.vi).toBe(
      "Mã đơn vị 30157 đã dùng cho 2 đơn vị qua các thời kỳ (01/01/2023–01/07/2025; 01/07/2025–): hãy nêu ngày (on=YYYY-MM-DD) hoặc kỳ",
    );
    expect(text.en).toContain("give a date");
    expect(unitCodeMessages.ambiguous("30157", "2020-01-01", [old, reborn]).en).toBe(
      "Unit code 30157 was held by 2 units over time (2023-01-01–2025-07-01; 2025-07-01–), none of them existed on 2020-01-01",
    );
  });
});
