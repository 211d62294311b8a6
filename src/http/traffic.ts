import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * The requests this server is answering, so that background work can give way to them: on
 * PGlite an import's transaction holds the one connection, and a request waits for it even
 * between two of its own queries unless the import waits for the requests first (issue 14.5).
 */
export class Traffic {
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  begin(): () => void {
    this.inFlight++;
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.inFlight--;
      if (this.inFlight > 0) return;
      const waiting = this.waiters.splice(0);
      for (const wake of waiting) wake();
    };
  }

  /**
   * Resolves once no request is being answered, or after `maxMs` at most, so that a steady
   * stream of requests slows background work without stopping it.
   */
  quiet(maxMs: number): Promise<void> {
    if (this.inFlight === 0) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve();
      }, maxMs);
      this.waiters.push(wake);
    });
  }
}

/** Counts each request from its arrival to its answer sent, or its connection closed. */
export function installTraffic(app: FastifyInstance, traffic: Traffic): void {
  const ends = new WeakMap<FastifyRequest, () => void>();
  app.addHook("onRequest", async (request, reply) => {
    const end = traffic.begin();
    ends.set(request, end);
    reply.raw.once("close", end);
  });
  app.addHook("onResponse", async (request) => {
    ends.get(request)?.();
  });
}
