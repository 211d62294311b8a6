import { useEffect, useRef, useState } from "react";

/** A one-time message carried to the next page or the next load (e.g. "Report approved." on the list). */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

/**
 * The message, announced (role="status") and focused: after the action that set it, a keyboard or
 * screen-reader user is told the outcome and continues from it, not from the page's top.
 */
export function Flash() {
  // Read when mounted, forgotten once shown (an effect, so a double render cannot lose it).
  const [message] = useState(() => pending);
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message !== null && pending === message) pending = null;
    shown.current?.focus();
  }, [message]);
  return message ? (
    <p className="note note-ok flash" role="status" tabIndex={-1} ref={shown}>
      {message}
    </p>
  ) : null;
}
