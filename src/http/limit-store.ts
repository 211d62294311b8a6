import { lt, sql } from "drizzle-orm";
import type { Db, EngineKind } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { requestLimits } from "../db/schema/index.ts";

/**
 * Where the request limits' token buckets live: `limit` requests per key, refilled evenly over
 * the window. `take` spends one token and answers 0, or the seconds until one is back.
 */
export interface LimitStore {
  take(key: string, nowMs: number): Promise<number>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Seconds until a bucket holding `tokens` has one again. */
const waitFor = (tokens: number, limit: number, windowMs: number) =>
  Math.ceil(((1 - tokens) * windowMs) / limit / 1000);

/** One token bucket: takes a token (0) or answers the seconds until one is back. */
function take(bucket: Bucket, nowMs: number, limit: number, windowMs: number): number {
  const refill = ((nowMs - bucket.at) * limit) / windowMs;
  bucket.tokens = Math.min(limit, bucket.tokens + Math.max(0, refill));
  bucket.at = nowMs;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return waitFor(bucket.tokens, limit, windowMs);
}

/** Buckets kept per key in memory; past this many, the full ones are forgotten. */
const MAX_KEYS = 10_000;

/** This process's memory: the embedded database has one server. */
export class MemoryLimits implements LimitStore {
  private readonly map = new Map<string, Bucket>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async take(key: string, nowMs: number): Promise<number> {
    let bucket = this.map.get(key);
    if (!bucket) {
      if (this.map.size >= MAX_KEYS) this.forgetFull(nowMs);
      bucket = { tokens: this.limit, at: nowMs };
      this.map.set(key, bucket);
    }
    return take(bucket, nowMs, this.limit, this.windowMs);
  }

  private forgetFull(nowMs: number): void {
    for (const [key, b] of this.map) {
      if (b.tokens + ((nowMs - b.at) * this.limit) / this.windowMs >= this.limit) this.map.delete(key);
    }
  }
}

/** Takes between two sweeps of the buckets that are full again. */
const SWEEP_EVERY = 1_000;

/**
 * The PostgreSQL table `request_limits`, shared by every server of the database: one upsert
 * refills, spends and says whether it spent, under the row's lock, so servers racing on one
 * key never let more through than the limit.
 */
export class SharedLimits implements LimitStore {
  private takes = 0;
  constructor(
    private readonly db: Db,
    private readonly scope: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async take(key: string, nowMs: number): Promise<number> {
    if (++this.takes % SWEEP_EVERY === 0) await this.sweep(nowMs);
    const { limit, windowMs } = this;
    const refilled = sql`least(${limit}::float8, b.tokens + greatest(0, ${nowMs}::bigint - b.at_ms) * ${limit}::float8 / ${windowMs}::float8)`;
    const [row] = await queryRows<{ tokens: number; granted: boolean }>(
      this.db,
      sql`insert into request_limits as b (key, tokens, at_ms, granted)
          values (${`${this.scope}:${key}`}, ${limit - 1}, ${nowMs}, true)
          on conflict (key) do update set
            tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
            granted = ${refilled} >= 1,
            at_ms = greatest(b.at_ms, ${nowMs}::bigint)
          returning tokens, granted`,
    );
    return row?.granted === false ? waitFor(Number(row.tokens), limit, windowMs) : 0;
  }

  /** Forgets the buckets untouched for a whole window: they are full again. */
  private async sweep(nowMs: number): Promise<void> {
    await this.db.delete(requestLimits).where(lt(requestLimits.atMs, nowMs - this.windowMs));
  }
}

/** The store for one limit: shared through PostgreSQL, in memory on the embedded database. */
export function limitStore(db: Db, engine: EngineKind, scope: string, limit: number, windowMs: number) {
  return engine === "postgresql"
    ? new SharedLimits(db, scope, limit, windowMs)
    : new MemoryLimits(limit, windowMs);
}
