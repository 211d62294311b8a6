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

const keyOf = (form: string, unit: string, period: string) => `chiso.draft.${form}.${unit}.${period}`;

export function readDraft(form: string, unit: string, period: string): LocalDraft | null {
  try {
    const text = window.localStorage.getItem(keyOf(form, unit, period));
    return text ? (JSON.parse(text) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(
  form: string,
  unit: string,
  period: string,
  draft: Omit<LocalDraft, "savedAt">,
): void {
  try {
    window.localStorage.setItem(
      keyOf(form, unit, period),
      JSON.stringify({ ...draft, savedAt: new Date().toISOString() }),
    );
  } catch {
    // A full or forbidden storage leaves the autosave to the server alone.
  }
}

export function clearDraft(form: string, unit: string, period: string): void {
  window.localStorage.removeItem(keyOf(form, unit, period));
}
