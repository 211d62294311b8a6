import { afterEach, describe, expect, it, vi } from "vitest";
import { Traffic } from "./traffic.ts";

afterEach(() => vi.useRealTimers());

describe("traffic: background work gives way to the requests being answered", () => {
  it("resolves at once with no request, and when the last request ends", async () => {
    const traffic = new Traffic();
    await traffic.quiet(1_000);
    const first = traffic.begin();
    const second = traffic.begin();
    let quiet = false;
    const waiting = traffic.quiet(60_000).then(() => {
      quiet = true;
    });
    first();
    first(); // ending twice (answer sent, then connection closed) counts once
    await Promise.resolve();
    expect(quiet).toBe(false);
    second();
    await waiting;
    expect(quiet).toBe(true);
  });

  it("waits at most its bound under a steady stream of requests", async () => {
    vi.useFakeTimers();
    const traffic = new Traffic();
    traffic.begin();
    let quiet = false;
    const waiting = traffic.quiet(1_000).then(() => {
      quiet = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(quiet).toBe(true);
  });
});
