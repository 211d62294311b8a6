import { describe, expect, it } from "vitest";
import { daysFrom, upcomingNotices } from "./ahead.ts";
import { noticesDue } from "./schedule.ts";
import { DEFAULT_SETTINGS, type NoticeInput } from "./types.ts";

/** A monthly form due 5 days after the month: 10/2026 opens 01/11, is due 05/11. */
const input: NoticeInput = {
  today: "2026-10-30",
  hour: 7,
  forms: [
    {
      code: "F",
      periodType: "month",
      dueRule: { kind: "days_after_end", days: 5 },
      openFrom: "202610",
      settings: DEFAULT_SETTINGS,
    },
  ],
  assignments: [
    { form: "F", unit: "C11", validFrom: "2020-01-01", validTo: null, reporters: [11], approvers: [20] },
  ],
  reports: [],
  provinceAdmins: [1],
};
const listed = (u: ReturnType<typeof upcomingNotices>) => u.map((x) => `${x.day} ${x.notice.key}`);

describe("upcomingNotices", () => {
  it("lists the next days' notices once each, on the day of the first sweep that makes them", () => {
    expect(listed(upcomingNotices(input, 8, new Set()))).toEqual([
      "2026-11-01 form_open|F|202610|C11|11|",
      "2026-11-02 due_soon|F|202610|C11|11|3",
      "2026-11-04 due_soon|F|202610|C11|11|1",
      "2026-11-05 due_today|F|202610|C11|11|",
      "2026-11-06 overdue|F|202610|C11|11|",
    ]);
  });

  it("agrees with the sweep of each day at 08:00 (nothing of today before then is lost)", () => {
    const ahead = upcomingNotices({ ...input, today: "2026-11-05" }, 1, new Set());
    expect(ahead.map((x) => x.notice)).toEqual(noticesDue({ ...input, today: "2026-11-05", hour: 8 }));
  });

  it("leaves out what is already stored, and a step still active the next day is not listed again", () => {
    const stored = new Set(["due_soon|F|202610|C11|11|3"]);
    const keys = upcomingNotices({ ...input, today: "2026-11-02", hour: 15 }, 2, stored).map(
      (x) => x.notice.key,
    );
    expect(keys).toEqual([]);
    expect(upcomingNotices({ ...input, today: "2026-11-02" }, 3, new Set()).map((x) => x.day)).toEqual([
      "2026-11-02",
      "2026-11-04",
    ]);
  });

  it("lists nothing for units whose report is sent", () => {
    const sent = {
      ...input,
      reports: [{ form: "F", unit: "C11", period: "202610", status: "approved" as const }],
    };
    expect(upcomingNotices(sent, 10, new Set())).toEqual([]);
  });

  it("counts days across a month's end", () => {
    expect(daysFrom("2026-12-30", 3)).toEqual(["2026-12-30", "2026-12-31", "2027-01-01"]);
  });
});
