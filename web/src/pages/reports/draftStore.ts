import { draftKey, readStored, removeStored, writeStored } from "../../saving/drafts.ts";

/**
 * What a person typed into a report, kept in this browser until the server has it: a lost
 * connection, an expired session or a closed tab loses nothing.
 */
export interface LocalDraft {
  typed: Record<string, string>;
  narrative: Record<string, string>;
  /** The report's version the typing started from (null for a new report). */
  version: number | null;
  savedAt: string;
}

/** One report of one user: the draft's place in this browser. */
export interface DraftPlace {
  userId: number;
  form: string;
  unit: string;
  period: string;
}

const keyOf = (p: DraftPlace) => draftKey(p.userId, p.form, p.unit, p.period);

export const readDraft = (place: DraftPlace): LocalDraft | null => readStored<LocalDraft>(keyOf(place));

export function writeDraft(place: DraftPlace, draft: Omit<LocalDraft, "savedAt">): void {
  writeStored(keyOf(place), { ...draft, savedAt: new Date().toISOString() });
}

export const clearDraft = (place: DraftPlace): void => removeStored(keyOf(place));
