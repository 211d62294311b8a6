import { describe, expect, it } from "vitest";
import { restoreDecision } from "./draftRestore.ts";
import type { LocalDraft } from "./draftStore.ts";

const draft = (version: number | null, typed: Record<string, string>, narrative = {}): LocalDraft => ({
  typed,
  narrative,
  version,
  savedAt: "2026-11-20T02:00:00.000Z",
});

describe("a draft found in the browser when a report opens", () => {
  const server = { typed: { HOUSEHOLDS_TOTAL: "2.360" }, narrative: { results: "Đạt" }, version: 3 };

  it("is ignored when there is none or it says what the server says", () => {
    expect(restoreDecision(null, server)).toEqual({ kind: "server" });
    expect(restoreDecision(draft(2, server.typed, server.narrative), server)).toEqual({ kind: "server" });
  });

  it("is carried on with when the server has not changed since it was started", () => {
    const local = draft(3, { HOUSEHOLDS_TOTAL: "2.361" }, { results: "Đạt" });
    expect(restoreDecision(local, server)).toEqual({ kind: "restore", draft: local });
  });

  it("is never saved over a colleague's newer save: each differing field is offered to choose", () => {
    const local = draft(2, { HOUSEHOLDS_TOTAL: "2.400", HOUSEHOLDS_FIBRE: "1.950" }, { results: "Chưa đạt" });
    expect(restoreDecision(local, server)).toEqual({
      kind: "conflict",
      differences: [
        { kind: "value", code: "HOUSEHOLDS_FIBRE", mine: "1.950", theirs: "" },
        { kind: "value", code: "HOUSEHOLDS_TOTAL", mine: "2.400", theirs: "2.360" },
        { kind: "section", code: "results", mine: "Chưa đạt", theirs: "Đạt" },
      ],
    });
  });

  it("started on a report the server did not have, which someone has since created, is a conflict", () => {
    const local = draft(null, { HOUSEHOLDS_TOTAL: "2.400" }, { results: "Đạt" });
    expect(restoreDecision(local, server).kind).toBe("conflict");
  });
});
