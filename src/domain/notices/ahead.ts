import { addDays } from "../period/index.ts";
import { noticesDue, SEND_HOUR } from "./schedule.ts";
import type { Notice, NoticeInput } from "./types.ts";

/** A notice the coming sweeps will make, and the day (Việt Nam) of the first sweep that makes it. */
export interface UpcomingNotice {
  day: string;
  notice: Notice;
}

/** The days from `today` on, `count` of them (YYYY-MM-DD). */
export function daysFrom(today: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(today, i));
}

/**
 * Sắp gửi: the notices the sweeps of the next `days` days will make if nothing changes (no report
 * is sent, no setting changes), each on the first day a sweep makes it: today from now (or from
 * SEND_HOUR when it is earlier), the later days from SEND_HOUR. Those whose key is in `stored`
 * (already made) are left out; a step that stays active several days is listed once.
 */
export function upcomingNotices(
  input: NoticeInput,
  days: number,
  stored: ReadonlySet<string>,
): UpcomingNotice[] {
  const seen = new Set(stored);
  const out: UpcomingNotice[] = [];
  for (const [i, day] of daysFrom(input.today, days).entries()) {
    const hour = i === 0 ? Math.max(input.hour, SEND_HOUR) : SEND_HOUR;
    for (const notice of noticesDue({ ...input, today: day, hour })) {
      if (seen.has(notice.key)) continue;
      seen.add(notice.key);
      out.push({ day, notice });
    }
  }
  return out;
}
