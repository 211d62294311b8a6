import { type ReactNode, useCallback, useId, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { ErrorNote, useLoad } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useSession } from "../../session.tsx";

/** Codes typed as "29866, 29884" or one per line. */
export const codeList = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);

const two = (n: number) => String(n).padStart(2, "0");

/** A moment in the browser's local time: "28/11/2026 14:32:05" (vi) or "2026-11-28 14:32:05" (en). */
export function dateTime(moment: string | Date, lang: "vi" | "en"): string {
  const d = typeof moment === "string" ? new Date(moment) : moment;
  if (Number.isNaN(d.getTime())) return String(moment);
  const time = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  const day =
    lang === "vi"
      ? `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`
      : `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  return `${day} ${time}`;
}

/**
 * The field a server problem names, as the form calls it: zod's `body.code`, a batch's
 * `0.parentCode` and a service's `code` all mean the form's `code`.
 */
export const fieldName = (path: string): string => path.replace(/^body\./, "").replace(/^\d+\./, "");

export interface Action {
  busy: boolean;
  /** The problem not tied to a field on the form (shown above the form), or null. */
  error: unknown;
  /** The server's message for a field, in the user's language. */
  fieldError: (name: string) => string | undefined;
  /** Runs a write; problems naming one of `fields` go beside that field, the rest above the form. */
  run: (fields: readonly string[], write: () => Promise<void>) => Promise<boolean>;
  clear: () => void;
}

export function useAction(): Action {
  const { pick } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const clear = useCallback(() => {
    setError(null);
    setFields({});
  }, []);
  const run = useCallback(
    async (known: readonly string[], write: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      setFields({});
      try {
        await write();
        return true;
      } catch (e) {
        const details = e instanceof ApiError ? e.details : [];
        const placed: Record<string, string> = {};
        let unplaced = details.length === 0;
        for (const d of details) {
          const name = fieldName(d.path);
          // The most precise known name: `grants.1.unitCode` before `grants`.
          const target = [...known]
            .sort((a, b) => b.length - a.length)
            .find((k) => name === k || name.startsWith(`${k}.`));
          if (target)
            placed[target] = [placed[target], pick(d.message, d.message_en)].filter(Boolean).join(" ");
          else unplaced = true;
        }
        setFields(placed);
        if (unplaced) setError(e);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [pick],
  );
  return { busy, error, fieldError: (name) => fields[name], run, clear };
}

export interface FieldProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** A labelled field with its hint and the server's message under it. */
export function Field({
  label,
  error,
  hint,
  children,
  className,
}: {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  children: (props: FieldProps) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`field-stacked ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": described || undefined,
      })}
      {hint && (
        <span className="muted small" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="note-error-text" id={`${id}-error`} data-field-error="">
          {error}
        </span>
      )}
    </div>
  );
}

/** The problem of an action not tied to a field, above its form. */
export function ActionError({ action }: { action: Action }) {
  return action.error ? <ErrorNote error={action.error} /> : null;
}

/** A success line that a screen reader announces. */
export function Done({ message }: { message: string | null }) {
  return message ? (
    <p className="note note-ok" role="status">
      {message}
    </p>
  ) : null;
}

/**
 * Whether the signed-in user is a province admin (an admin grant on a root of today's tree), as
 * the server decides for what the whole province shares (metrics, forms); undefined while it is
 * being found out, so no button is offered that the server would refuse with 403
 * PROVINCE_ADMIN_ONLY.
 */
export function useProvinceAdmin(): boolean | undefined {
  const { me } = useSession();
  const adminOf = (me?.grants ?? []).filter((g) => g.role === "admin").map((g) => g.unitCode);
  const today = me?.today;
  const roots = useLoad(
    (signal) =>
      adminOf.length && today
        ? api.get("/api/units", { query: { asOf: today, level: 1 }, signal })
        : Promise.resolve([]),
    [adminOf.join(","), today],
  );
  if (adminOf.length === 0) return false;
  return roots.data?.some((u) => u.parentCode === null && adminOf.includes(u.code));
}
