import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import type { Endpoints } from "../../api/schema";
import { createSaveQueue } from "../../saving/saveQueue.ts";
import { useSession } from "../../session.tsx";

type Put = Endpoints["PUT /api/submissions"];
export type SaveResult = Put["response"];

export type SaveState = "idle" | "pending" | "saving" | "saved" | "offline" | "expired" | "stale" | "error";

/** How long typing must pause before the draft is saved. */
const DEBOUNCE_MS = 1200;
/** How often a draft kept offline is tried again (besides the browser's "online" event). */
const RETRY_MS = 15_000;

export interface AutosaveOptions {
  enabled: boolean;
  /** The body to send now; values that are not valid yet are left out (kept in the browser). */
  build: () => Put["body"];
  onSaved: (result: SaveResult, sent: Put["body"]) => void;
  onRefused: (error: ApiError, sent: Put["body"]) => void;
}

/**
 * Saves the draft (bản nháp) a moment after typing stops, one save at a time, and retries a
 * save the network or an expired session stopped: when the browser is back online, every
 * fifteen seconds, and as soon as the person has signed in again.
 */
export function useAutosave(options: AutosaveOptions) {
  const [state, setState] = useState<SaveState>("idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const timer = useRef<number | undefined>(undefined);
  /** Typed again since the save in flight took its body. */
  const editedSince = useRef(false);
  const { expired } = useSession();

  const run = useCallback(async (): Promise<boolean> => {
    editedSince.current = false;
    const body = latest.current.build();
    setState("saving");
    try {
      const result = await api.put("/api/submissions", { body });
      latest.current.onSaved(result, body);
      setSavedAt(new Date());
      setState(editedSince.current ? "pending" : "saved");
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.offline) setState("offline");
      else if (error.status === 401) setState("expired");
      else if (error.code === "STALE_VERSION") setState("stale");
      else {
        setState("error");
        latest.current.onRefused(error, body);
      }
      return false;
    }
  }, []);

  const queue = useMemo(() => createSaveQueue(run), [run]);

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (!latest.current.enabled) return true;
    return queue.flush();
  }, [queue]);

  const schedule = useCallback(() => {
    if (!latest.current.enabled) return;
    if (queue.busy()) editedSince.current = true;
    setState((s) => (s === "saving" ? s : "pending"));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), DEBOUNCE_MS);
  }, [flush, queue]);

  useEffect(() => {
    if (state !== "offline") return;
    const retry = () => void flush();
    window.addEventListener("online", retry);
    const interval = window.setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(interval);
    };
  }, [state, flush]);

  useEffect(() => {
    if (!expired && state === "expired") void flush();
  }, [expired, state, flush]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return { state, savedAt, schedule, flush, setState };
}
