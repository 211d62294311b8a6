import type { ResponseOf } from "../../api/client.ts";

export type Summary = ResponseOf<"GET /api/ioc/summary">;
export type Figure = Summary["figures"][number];
export type StatusCounts = NonNullable<Summary["status"]>["totals"];
