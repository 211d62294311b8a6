import { z } from "zod";

/** A calendar date as YYYY-MM-DD that exists (2023-02-30 is refused). */
export const isoDate = z.iso.date("Ngày phải có dạng YYYY-MM-DD|A date must be YYYY-MM-DD");

const vietnamDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * Today's date in Vietnam (UTC+7, no daylight saving), YYYY-MM-DD: a unit created "today" at
 * 8 a.m. in Đồng Tháp must already be in force, though it is still yesterday in UTC.
 */
export function todayIso(now = new Date()): string {
  return vietnamDay.format(now);
}
