import type { Principal } from "../access/principal.ts";
import { writesSoFar } from "../audit/audit.ts";
import * as clock from "../config/clock.ts";

/**
 * How long a resolved session is trusted without asking the database again. A logout, a
 * deactivation or a change of grants made on another server takes effect here within this
 * time; one made by this process takes effect at once (see `writesSoFar`).
 */
export const SESSION_TRUST_MS = 1000;
const CAPACITY = 10_000;

interface Entry {
  principal: Principal | null;
  at: number;
  writes: number;
}

const entries = new Map<string, Entry>();

/**
 * The principal of a session token, resolved at most once a second per token: a wall screen
 * and a meeting room polling the leaders' screen should not cost a query per request.
 */
export async function cachedSessionPrincipal(
  tokenHash: string,
  resolve: () => Promise<Principal | null>,
  now = clock.nowMs(),
): Promise<Principal | null> {
  const hit = entries.get(tokenHash);
  if (hit && now - hit.at < SESSION_TRUST_MS && hit.writes === writesSoFar()) return hit.principal;
  const writes = writesSoFar();
  const principal = await resolve();
  if (entries.size >= CAPACITY) entries.clear();
  entries.set(tokenHash, { principal, at: now, writes });
  return principal;
}
