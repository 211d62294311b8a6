import { readStored } from "../../saving/drafts.ts";
import type { Draft } from "./values.ts";

/**
 * The self-assessment answers kept in this browser for one unit, split in two: those still
 * based on the saved answer (`restored`, saved again on opening) and those whose answer someone
 * else saved since (`setAside`, shown with a note and never saved over the newer answer).
 */
export function keptDrafts(
  key: string,
  savedVersions: ReadonlyMap<string, number>,
): { restored: Record<string, Draft>; setAside: [string, Draft][] } {
  const saved = readStored<Record<string, Draft>>(key);
  const kept: Record<string, Draft> = typeof saved === "object" && saved !== null ? { ...saved } : {};
  const setAside = Object.entries(kept).filter(([criterion, draft]) => {
    const current = savedVersions.get(criterion);
    return draft.version !== undefined && current !== undefined && draft.version !== current;
  });
  for (const [criterion] of setAside) delete kept[criterion];
  return { restored: kept, setAside };
}
