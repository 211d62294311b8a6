import { useEffect, useState } from "react";

/** A one-time message carried to the next page or the next load (e.g. "Report approved." on the list). */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

export function Flash() {
  // Read when mounted, forgotten once shown (an effect, so a double render cannot lose it).
  const [message] = useState(() => pending);
  useEffect(() => {
    if (message !== null && pending === message) pending = null;
  }, [message]);
  return message ? (
    <p className="note note-ok" role="status">
      {message}
    </p>
  ) : null;
}
