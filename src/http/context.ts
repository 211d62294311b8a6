import type { FastifyRequest } from "fastify";
import type { Principal } from "../access/principal.ts";
import { requirePrincipal } from "../access/principal.ts";
import type { Actor } from "../audit/audit.ts";
import type { Config } from "../config/config.ts";
import type { Db, EngineKind } from "../db/client.ts";
import type { JobRunner } from "../jobs/runner.ts";
import type { Traffic } from "./traffic.ts";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    dbKind: EngineKind;
    config: Config;
    /** Runs this server's background jobs (src/jobs/runner.ts). */
    jobRunner: JobRunner;
    /** The requests being answered, which background imports give way to (src/http/traffic.ts). */
    traffic: Traffic;
    /** The hot standby that analytics, the IOC, exports and reports read from (src/http/read-replica.ts). */
    readReplica: Db | null;
    /** Every API route registered, as keys of the permission model (src/access/routes-model.ts). */
    routesRegistered: ReadonlySet<string>;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** True when the caller signed in with a personal API token rather than a session. */
    viaToken: boolean;
  }
}

/** The signed-in user, or 401. */
export function principalOf(request: FastifyRequest): Principal {
  return requirePrincipal(request.principal);
}

/** The audit actor for a request: the user (or null for anonymous) and the client address. */
export function actorOf(request: FastifyRequest): Actor & { userId: number } {
  const p = principalOf(request);
  return { userId: p.userId, name: p.username, ip: request.ip };
}
