import { afterEach, describe, expect, it, vi } from "vitest";
import { keptDrafts } from "./selfDrafts.ts";

afterEach(() => vi.unstubAllGlobals());

const storing = (entries: Record<string, string>) =>
  vi.stubGlobal("window", { localStorage: { getItem: (k: string) => entries[k] ?? null } });

describe("self-assessment answers kept in the browser", () => {
  it("restores those still based on the saved answer and sets aside those someone saved over since", () => {
    const drafts = {
      "1.1": { value: "CO", a: "", b: "", version: 2 },
      "1.2": { value: "4", a: "", b: "", version: 1 },
      "1.3": { value: "", a: "3", b: "4" },
    };
    storing({ key: JSON.stringify(drafts) });
    const { restored, setAside } = keptDrafts(
      "key",
      new Map([
        ["1.1", 2],
        ["1.2", 3],
        ["1.3", 5],
      ]),
    );
    expect(Object.keys(restored).sort()).toEqual(["1.1", "1.3"]);
    expect(setAside).toEqual([["1.2", drafts["1.2"]]]);
  });

  it("is empty when nothing is kept", () => {
    storing({});
    expect(keptDrafts("key", new Map())).toEqual({ restored: {}, setAside: [] });
  });
});
