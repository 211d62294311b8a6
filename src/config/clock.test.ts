import { afterEach, describe, expect, it, vi } from "vitest";
import { advanceClock, now, resetClock, startClockAt, today } from "./clock.ts";

describe("the server's clock", () => {
  afterEach(() => {
    resetClock();
    vi.useRealTimers();
  });

  it("started at an instant, reads that instant whatever the process clock says, then runs on", () => {
    vi.useFakeTimers({ now: new Date("2031-05-01T00:00:00Z") });
    startClockAt(new Date("2026-11-20T02:00:00Z"));
    expect(now().toISOString()).toBe("2026-11-20T02:00:00.000Z");
    expect(today()).toBe("2026-11-20");
    vi.advanceTimersByTime(15 * 3_600_000);
    expect(now().toISOString()).toBe("2026-11-20T17:00:00.000Z");
    expect(today()).toBe("2026-11-21");
  });

  it("moved forward, reads that much later without waiting", () => {
    vi.useFakeTimers({ now: new Date("2031-05-01T00:00:00Z") });
    startClockAt(new Date("2026-11-20T16:59:59Z"));
    advanceClock(1_000);
    expect(now().toISOString()).toBe("2026-11-20T17:00:00.000Z");
    expect(today()).toBe("2026-11-21");
  });

  it("reset, follows the process clock, in Vietnam's date", () => {
    vi.useFakeTimers({ now: new Date("2031-05-01T18:00:00Z") });
    startClockAt(new Date("2026-11-20T02:00:00Z"));
    resetClock();
    expect(today()).toBe("2031-05-02");
  });
});
