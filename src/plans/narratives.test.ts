import { describe, expect, it } from "vitest";
import { groupNarratives, narrativeItems } from "./narratives.ts";

describe("narrative items", () => {
  it("cuts lines and sentences, drops bullets, keeps abbreviations, trims and normalises", () => {
    const decomposed = "Thiếu máy tính.".normalize("NFD");
    expect(
      narrativeItems(`- Đường truyền chậm.  ${decomposed}\n\n2) Cán bộ ở TP. Cao Lãnh kiêm nhiệm`),
    ).toEqual(["Đường truyền chậm.", "Thiếu máy tính.", "Cán bộ ở TP. Cao Lãnh kiêm nhiệm"]);
    expect(narrativeItems("   ")).toEqual([]);
  });

  it("groups identical items, attributes each unit once, most shared first", () => {
    const groups = groupNarratives(
      [
        { code: "A", nameVi: "Xã A", narrative: { difficulties: "Thiếu kinh phí. Thiếu kinh phí." } },
        { code: "B", nameVi: "Xã B", narrative: { difficulties: "Đường truyền chậm. Thiếu kinh phí." } },
        { code: "C", nameVi: "Xã C", narrative: { proposals: "Đề nghị hỗ trợ." } },
      ],
      "difficulties",
    );
    expect(groups).toEqual([
      {
        text: "Thiếu kinh phí.",
        units: [
          { code: "A", nameVi: "Xã A" },
          { code: "B", nameVi: "Xã B" },
        ],
      },
      { text: "Đường truyền chậm.", units: [{ code: "B", nameVi: "Xã B" }] },
    ]);
  });
});
