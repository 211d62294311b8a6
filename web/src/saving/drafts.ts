/**
 * What a person typed and the server does not have yet, kept in this browser under that
 * person's own key: another user signing in on the same browser never sees it, and signing out
 * forgets every draft.
 */
const PREFIX = "chiso.draft.";

/** The storage key of one screen's draft for one user. */
export const draftKey = (userId: number, ...parts: string[]): string =>
  `${PREFIX}${userId}.${parts.join(".")}`;

export function readStored<T>(key: string): T | null {
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // A full or forbidden storage leaves the autosave to the server alone.
  }
}

export function removeStored(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing kept, nothing to remove.
  }
}

/** Forgets every draft of every user in this browser (at sign-out, or when another user signs in). */
export function forgetDrafts(
  storage: Pick<Storage, "length" | "key" | "removeItem"> = window.localStorage,
): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX) || key?.startsWith("chiso.index.")) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
