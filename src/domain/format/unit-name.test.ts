import { describe, expect, it } from "vitest";
import { englishUnitName, withoutTypeWord } from "./unit-name.ts";

describe("unit names", () => {
  it("drops the kind word for a place name, whatever its case", () => {
    expect(withoutTypeWord("Tỉnh Đồng Tháp", "tỉnh")).toBe("Đồng Tháp");
    expect(withoutTypeWord("Thành phố Cao Lãnh", "thành phố")).toBe("Cao Lãnh");
    expect(withoutTypeWord("TỈNH ĐỒNG THÁP", "tỉnh")).toBe("ĐỒNG THÁP");
    expect(withoutTypeWord("Đồng Tháp", "tỉnh")).toBe("Đồng Tháp");
  });

  it("names a unit in English with the kind after the name, as the English header needs", () => {
    expect(englishUnitName("Tỉnh Đồng Tháp", "tỉnh")).toBe("Đồng Tháp Province");
    expect(englishUnitName("Xã Mỹ Tân", "xã")).toBe("Mỹ Tân Commune");
    expect(englishUnitName("Phường 3", "phường")).toBe("Ward 3");
    expect(englishUnitName("Sở Nội vụ", "sở")).toBe("Sở Nội vụ");
  });
});
