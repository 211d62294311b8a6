import { vietnamDate } from "../domain/period/index.ts";

/**
 * The server's clock: every rule that depends on "now" (due dates, locks, the current period,
 * sessions, deadlines) reads it here, never `new Date()` directly. It runs with the process
 * clock unless it was started at a chosen instant (`CHISO_CLOCK_START`, for demos and tests),
 * from which it keeps running at the normal pace.
 */
let offsetMs = 0;

/** The current instant. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** The current instant in milliseconds. */
export function nowMs(): number {
  return Date.now() + offsetMs;
}

/** Today's date in Vietnam (UTC+7), YYYY-MM-DD. */
export function today(): string {
  return vietnamDate(now());
}

/** From now on the clock reads `instant`, then runs on. */
export function startClockAt(instant: Date): void {
  offsetMs = instant.getTime() - Date.now();
}

/** Moves the clock `ms` forward, as if that much time had passed (for demos and tests). */
export function advanceClock(ms: number): void {
  offsetMs += ms;
}

/** Back to the process clock. */
export function resetClock(): void {
  offsetMs = 0;
}
