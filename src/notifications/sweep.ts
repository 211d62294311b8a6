import type { Conn } from "../db/client.ts";
import { noticesDue, SEND_HOUR, vietnamHour } from "../domain/notices/index.ts";
import { vietnamDate } from "../domain/period/index.ts";
import { sweepInput } from "./inputs.ts";
import { storeNotices } from "./store.ts";

/**
 * Quét nhắc việc: stores the scheduled notices due at `now` (the clock's instant) that are not
 * stored yet, in one transaction. Safe to run often and on several servers at once: a notice's
 * key is unique, so each is stored once. Answers how many were new.
 */
export async function sweepNotices(db: Conn, now: Date): Promise<number> {
  const hour = vietnamHour(now);
  if (hour < SEND_HOUR) return 0;
  return db.transaction(async (tx) => {
    const { input, names } = await sweepInput(tx, vietnamDate(now), hour);
    return storeNotices(tx, noticesDue(input), names, now);
  });
}
