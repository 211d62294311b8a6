import { describe, expect, it } from "vitest";
import { nfc } from "./text.ts";
import { formatValue } from "./value.ts";

describe("formatValue", () => {
  it("formats each value type in Vietnamese", () => {
    expect(formatValue(1205780, "integer")).toBe("1.205.780");
    expect(formatValue(12.6, "integer")).toBe("13");
    expect(formatValue(83.66, "number")).toBe("83,66");
    expect(formatValue(83.6, "number")).toBe("83,60");
    expect(formatValue(47.54, "percent")).toBe("47,54%");
    expect(formatValue(45.8, "percent", { digits: 1 })).toBe("45,8%");
    expect(formatValue(1, "boolean")).toBe("Có");
    expect(formatValue(0, "boolean")).toBe("Không");
    expect(formatValue(true, "boolean")).toBe("Có");
    expect(formatValue("Đã triển khai", "text")).toBe("Đã triển khai");
  });

  it("formats each value type in English", () => {
    const en = { lang: "en" } as const;
    expect(formatValue(1205780, "integer", en)).toBe("1,205,780");
    expect(formatValue(83.66, "number", en)).toBe("83.66");
    expect(formatValue(47.54, "percent", en)).toBe("47.54%");
    expect(formatValue(false, "boolean", en)).toBe("No");
    expect(formatValue(1, "boolean", en)).toBe("Yes");
  });

  it("shows no value as the chosen placeholder", () => {
    expect(formatValue(null, "integer")).toBe("");
    expect(formatValue(undefined, "percent", { empty: "—" })).toBe("—");
  });

  it("normalises text to NFC", () => {
    const decomposed = "Tie\u0302\u0301n đo\u0323\u0302";
    expect(formatValue(decomposed, "text")).toBe("Tiến độ");
    expect(formatValue(decomposed, "text")).toHaveLength(7);
  });

  it("refuses a value that does not fit its type", () => {
    expect(() => formatValue("12", "integer")).toThrow(TypeError);
    expect(() => formatValue(2, "boolean")).toThrow(TypeError);
    expect(() => formatValue(true, "percent")).toThrow(TypeError);
  });
});

describe("nfc", () => {
  it("composes Vietnamese letters", () => {
    expect(nfc("e\u0302\u0323")).toBe("ệ");
    expect(nfc("ệ")).toBe("ệ");
    expect(nfc("Vie\u0323\u0302t Nam")).toBe("Việt Nam");
  });
});
