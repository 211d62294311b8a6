/** E-mail waits outside these hours in Việt Nam (UTC+7, no daylight saving): 21:00 to 07:00. */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 7;

const HOUR_MS = 3_600_000;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

/** The hour of the day in Việt Nam (0–23) at `instant`. */
export function vietnamHour(instant: Date): number {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
}

/** The first instant at or after `instant` outside the quiet hours. */
export function outsideQuietHours(instant: Date): Date {
  const hour = vietnamHour(instant);
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return instant;
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const morning = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), QUIET_UNTIL_HOUR);
  const next = hour >= QUIET_FROM_HOUR ? morning + 24 * HOUR_MS : morning;
  return new Date(next - VIETNAM_OFFSET_MS);
}
