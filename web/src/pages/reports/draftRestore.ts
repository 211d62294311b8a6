import type { LocalDraft } from "./draftStore.ts";

/** A report's text as the form shows it: a field's typed text by metric, a section's by code. */
export interface ReportText {
  typed: Record<string, string>;
  narrative: Record<string, string>;
}

/** One field where the browser's draft and the server's report differ. */
export interface Difference {
  kind: "value" | "section";
  code: string;
  mine: string;
  theirs: string;
}

/**
 * What to do with a draft found in this browser when a report opens:
 * - `server`: no draft, or it says what the server says: show the server's report;
 * - `restore`: the server has not changed since the draft was started: carry on with the draft;
 * - `conflict`: someone saved the report since: show the server's report and let the person
 *   choose, field by field, between it and what they had typed. Never save the draft blindly
 *   over a newer version.
 */
export type Restore =
  | { kind: "server" }
  | { kind: "restore"; draft: ReportText }
  | { kind: "conflict"; differences: Difference[] };

const differing = (kind: Difference["kind"], mine: Record<string, string>, theirs: Record<string, string>) =>
  [...new Set([...Object.keys(mine), ...Object.keys(theirs)])]
    .filter((code) => (mine[code] ?? "") !== (theirs[code] ?? ""))
    .sort()
    .map((code) => ({ kind, code, mine: mine[code] ?? "", theirs: theirs[code] ?? "" }));

export function restoreDecision(
  local: LocalDraft | null,
  server: ReportText & { version: number | null },
): Restore {
  if (!local) return { kind: "server" };
  const differences = [
    ...differing("value", local.typed, server.typed),
    ...differing("section", local.narrative, server.narrative),
  ];
  if (differences.length === 0) return { kind: "server" };
  if (local.version === server.version) return { kind: "restore", draft: local };
  return { kind: "conflict", differences };
}
