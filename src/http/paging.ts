import type { FastifyReply } from "fastify";
import { z } from "zod";

/** The answer header that carries how many items the whole list holds (docs/api.md, "Paging"). */
export const totalHeader = "X-Total-Count";

/**
 * Offset paging of a list that can grow: `?limit=` (1…max, a default generous enough for the web
 * application's screens) and `?offset=` (items to skip). Beyond a bound: 400 at `querystring.limit`.
 */
export function pageQuery(defaultLimit: number, maxLimit: number) {
  return {
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  };
}

/** Sets `X-Total-Count` on the answer and returns the body unchanged. */
export function withTotal<T>(reply: FastifyReply, total: number, body: T): T {
  reply.header(totalHeader, String(total));
  return body;
}

/** One page of a list the service read whole, with its total. */
export function pageOf<T>(
  reply: FastifyReply,
  items: readonly T[],
  page: { limit: number; offset: number },
): T[] {
  return withTotal(reply, items.length, items.slice(page.offset, page.offset + page.limit));
}
