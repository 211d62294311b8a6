/**
 * The day every database, HTTP and browser test lives on, whatever the machine's date: Friday
 * 20/11/2026, 09:00 in Đồng Tháp. Last month (10/2026) is open for reporters until its lock, this
 * month (11/2026) is being entered, and the demo's 2023 periods are long locked.
 */
export const TEST_NOW = new Date("2026-11-20T02:00:00Z");
export const TEST_TODAY = "2026-11-20";
export const LAST_MONTH = "202610";
export const THIS_MONTH = "202611";
