import { describe, expect, it } from "vitest";
import { createSaveQueue } from "./saveQueue.ts";

/** A save the test finishes by hand, as a slow server would. */
function slowServer() {
  const sent: string[] = [];
  const pending: ((ok: boolean) => void)[] = [];
  let field = "";
  const save = () =>
    new Promise<boolean>((resolve) => {
      sent.push(field);
      pending.push(resolve);
    });
  return {
    sent,
    save,
    type: (text: string) => {
      field = text;
    },
    /** Answers the oldest save in flight. */
    answer: async (ok = true) => {
      await settle();
      pending.shift()?.(ok);
      await settle();
    },
    inFlight: () => pending.length,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the save queue", () => {
  it("saves once and answers with that save's result", async () => {
    const server = slowServer();
    const queue = createSaveQueue(server.save);
    server.type("2.360");
    const done = queue.flush();
    await server.answer(true);
    await expect(done).resolves.toBe(true);
    expect(server.sent).toEqual(["2.360"]);
    expect(queue.busy()).toBe(false);
  });

  it("while a slow save runs, the person types and presses send: one more save, with the last text, and both callers are answered", async () => {
    const server = slowServer();
    const queue = createSaveQueue(server.save);
    server.type("23");
    const autosave = queue.flush();
    await settle();
    server.type("2360");
    const typing = queue.flush();
    server.type("2361");
    const send = queue.flush();
    expect(server.inFlight()).toBe(1);
    await server.answer(true);
    await expect(autosave).resolves.toBe(true);
    expect(server.inFlight()).toBe(1);
    await server.answer(true);
    await expect(Promise.all([typing, send])).resolves.toEqual([true, true]);
    expect(server.sent).toEqual(["23", "2361"]);
    expect(queue.busy()).toBe(false);
  });

  it("never has two saves in flight, however many flushes come", async () => {
    const server = slowServer();
    const queue = createSaveQueue(server.save);
    const answers: Promise<boolean>[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 4; i++) {
        server.type(`${round}.${i}`);
        answers.push(queue.flush());
        await settle();
        expect(server.inFlight()).toBeLessThanOrEqual(1);
      }
      await server.answer(true);
    }
    while (server.inFlight()) await server.answer(true);
    await expect(Promise.all(answers)).resolves.toHaveLength(20);
    expect(server.sent.at(-1)).toBe("4.3");
  });

  it("a refused save answers false and the next flush saves again", async () => {
    const server = slowServer();
    const queue = createSaveQueue(server.save);
    const first = queue.flush();
    await server.answer(false);
    await expect(first).resolves.toBe(false);
    const second = queue.flush();
    await server.answer(true);
    await expect(second).resolves.toBe(true);
    expect(server.sent).toHaveLength(2);
  });

  it("a save that throws rejects its callers and frees the queue", async () => {
    let calls = 0;
    const queue = createSaveQueue(async () => {
      calls++;
      if (calls === 1) throw new Error("server error");
      return true;
    });
    await expect(queue.flush()).rejects.toThrow("server error");
    await expect(queue.flush()).resolves.toBe(true);
    expect(queue.busy()).toBe(false);
  });
});
