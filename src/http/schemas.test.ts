import { describe, expect, it } from "vitest";
import { todayIso } from "./schemas.ts";

describe("today", () => {
  it("is Vietnam's date: from 17:00 UTC it is already tomorrow in Đồng Tháp", () => {
    expect(todayIso(new Date("2026-11-28T16:59:59Z"))).toBe("2026-11-28");
    expect(todayIso(new Date("2026-11-28T17:00:00Z"))).toBe("2026-11-29");
    expect(todayIso(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });
});
