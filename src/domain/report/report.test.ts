import { describe, expect, it } from "vitest";
import { editRefusal, isTimeLocked, numberProblem, readValue, valueBounds } from "./index.ts";

const percent = { valueType: "percent", minValue: null, maxValue: null } as const;
const count = { valueType: "integer", minValue: 0, maxValue: null } as const;

describe("readValue", () => {
  it("reads numbers given as JSON or text, and refuses what is not one", () => {
    expect(readValue(count, 12)).toEqual({ ok: true, stored: { value: 12, textValue: null } });
    expect(readValue(count, " 12 ")).toEqual({ ok: true, stored: { value: 12, textValue: null } });
    expect(readValue(count, "12abc")).toEqual({ ok: false, problem: { code: "not_number" } });
    expect(readValue(count, "1.5")).toEqual({ ok: false, problem: { code: "not_integer" } });
    expect(readValue(count, -1)).toEqual({ ok: false, problem: { code: "below_min", bound: 0 } });
  });

  it("keeps percentages in 0..100 unless the metric sets its bounds", () => {
    expect(valueBounds(percent)).toEqual({ min: 0, max: 100 });
    expect(readValue(percent, "100.5")).toEqual({ ok: false, problem: { code: "above_max", bound: 100 } });
    expect(valueBounds({ ...percent, maxValue: 200 })).toEqual({ min: 0, max: 200 });
    expect(numberProblem({ ...percent, maxValue: 200 }, 150)).toBeNull();
  });

  it("reads yes/no as 1/0 and text as NFC", () => {
    const yesNo = { valueType: "boolean", minValue: null, maxValue: null } as const;
    expect(readValue(yesNo, "TRUE")).toEqual({ ok: true, stored: { value: 1, textValue: null } });
    expect(readValue(yesNo, "có")).toEqual({ ok: false, problem: { code: "not_boolean" } });
    const text = { valueType: "text", minValue: null, maxValue: null } as const;
    expect(readValue(text, "Xa\u0303")).toEqual({ ok: true, stored: { value: null, textValue: "Xã" } });
    expect(readValue(text, 3)).toEqual({ ok: false, problem: { code: "not_text" } });
  });
});

describe("editRefusal: status, then lock, then values", () => {
  const base = { status: null, locked: false, invalid: false, changed: true } as const;
  it("refuses a locked report before its bad values", () => {
    expect(editRefusal({ ...base, locked: true, invalid: true })).toBe("locked");
    expect(editRefusal({ ...base, status: "approved", invalid: true })).toBe("approved");
    expect(editRefusal({ ...base, status: "submitted", locked: true })).toBe("submitted");
    expect(editRefusal({ ...base, invalid: true })).toBe("values");
    expect(editRefusal({ ...base, status: "returned" })).toBeNull();
  });
  it("never refuses a save that changes nothing", () => {
    expect(editRefusal({ ...base, status: "approved", locked: true, changed: false })).toBeNull();
  });
});

describe("isTimeLocked", () => {
  const now = new Date("2026-11-20T02:00:00Z");
  it("locks from the day after the lock date unless reopened until later", () => {
    expect(isTimeLocked({ today: "2026-11-20", lock: "2026-11-20", now, reopenedUntil: null })).toBe(false);
    expect(isTimeLocked({ today: "2026-11-21", lock: "2026-11-20", now, reopenedUntil: null })).toBe(true);
    const later = new Date("2026-11-22T00:00:00Z");
    expect(isTimeLocked({ today: "2026-11-21", lock: "2026-11-20", now, reopenedUntil: later })).toBe(false);
    expect(isTimeLocked({ today: "2026-11-21", lock: null, now, reopenedUntil: null })).toBe(false);
  });
});
