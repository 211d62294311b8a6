import type { ResponseOf } from "../../api/client.ts";

export type FormView = ResponseOf<"GET /api/forms/{code}">;
export type FormMetric = FormView["metrics"][number];
export type Detail = ResponseOf<"GET /api/submissions/{id}">;
export type Value = Detail["values"][number]["value"];
