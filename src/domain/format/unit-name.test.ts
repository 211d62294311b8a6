import { describe, expect, it } from "vitest";
import { distinctUnitNames, englishUnitName, shortParentName, withoutTypeWord } from "./unit-name.ts";

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

  it("shortens a parent's name as officials write it", () => {
    expect(shortParentName("Thành phố Sa Đéc", "thành phố")).toBe("TP Sa Đéc");
    expect(shortParentName("Thị xã Hồng Ngự", "thị xã")).toBe("TX Hồng Ngự");
    expect(shortParentName("Huyện Lai Vung", "huyện")).toBe("huyện Lai Vung");
    expect(shortParentName("Sở Nội vụ", "sở/ngành")).toBe("Sở Nội vụ");
  });

  it("tells apart two units of the same name by their parents, and leaves the others alone", () => {
    const city = (nameVi: string) => ({ nameVi, type: "thành phố" });
    const names = distinctUnitNames([
      { code: "29875", nameVi: "Phường 3", parent: city("Thành phố Sa Đéc") },
      { code: "29869", nameVi: "Phường 3", parent: city("Thành phố Cao Lãnh") },
      { code: "29884", nameVi: "Xã Mỹ Tân", parent: city("Thành phố Cao Lãnh") },
      // The same unit twice (two forms) is one name, not two.
      { code: "29884", nameVi: "Xã Mỹ Tân", parent: city("Thành phố Cao Lãnh") },
    ]);
    expect(Object.fromEntries(names)).toEqual({
      "29875": "Phường 3 (TP Sa Đéc)",
      "29869": "Phường 3 (TP Cao Lãnh)",
      "29884": "Xã Mỹ Tân",
    });
  });
});
