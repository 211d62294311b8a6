import { type DependencyList, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/client.ts";
import { useI18n } from "../i18n/index.tsx";

/** The server's message for an error, in the user's language. */
export function useErrorText(): (error: unknown) => string {
  const { t, pick } = useI18n();
  return (error) => {
    if (error instanceof ApiError)
      return error.offline ? t.app.offline : pick(error.messageVi, error.messageEn);
    return String(error);
  };
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useI18n();
  const text = useErrorText();
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div className="note note-error" role="alert">
      <p>{text(error)}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d.path + d.message}>{pick(d.message, d.message_en)}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t.app.retry}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t.app.loading}
    </p>
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads data when the dependencies change; a newer load wins over an older one. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's dependencies decide when to load
  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    loader
      .current(abort.signal)
      .then((value) => {
        if (abort.signal.aborted) return;
        setData(value);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}

/** Data, or the loading line, or the error with a retry button. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.data !== undefined) return <>{children(loaded.data)}</>;
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  return <Loading />;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t.report[status] ?? t.status[status] ?? status}</span>;
}

/**
 * A box that scrolls its (wide or long) table: a named region (a section with a name) the keyboard can reach (Tab, then
 * the arrow keys scroll it), as WCAG 2.1.1 asks of scrollable content.
 */
export function ScrollRegion({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
    <section className={`scroll ${className}`.trim()} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
