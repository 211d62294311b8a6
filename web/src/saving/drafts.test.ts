import { describe, expect, it } from "vitest";
import { draftKey, forgetDrafts } from "./drafts.ts";

/** A Storage with the methods the draft code uses, in memory. */
function memoryStorage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    removeItem: (k: string) => void map.delete(k),
    keys: () => [...map.keys()],
  };
}

describe("drafts kept in the browser", () => {
  it("belong to one user: two users' drafts of one report have different keys", () => {
    expect(draftKey(7, "CDS_MONTHLY", "29884", "202610")).not.toBe(
      draftKey(8, "CDS_MONTHLY", "29884", "202610"),
    );
  });

  it("are all forgotten at sign-out, and nothing else is", () => {
    const storage = memoryStorage({
      [draftKey(7, "CDS_MONTHLY", "29884", "202610")]: "{}",
      [draftKey(8, "index", "DTI-2023", "87")]: "{}",
      "chiso.index.DTI-2022.87": "{}",
      "chiso.lang": "vi",
    });
    forgetDrafts(storage);
    expect(storage.keys()).toEqual(["chiso.lang"]);
  });
});
