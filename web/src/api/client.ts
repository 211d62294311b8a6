import type { Endpoints } from "./schema";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Key = keyof Endpoints;
type PathOf<M extends Method> = { [K in Key]: K extends `${M} ${infer P}` ? P : never }[Key];
type Op<M extends Method, P extends string> = `${M} ${P}` extends Key ? Endpoints[`${M} ${P}`] : never;

export type ResponseOf<K extends Key> = Endpoints[K]["response"];
export type BodyOf<K extends Key> = Endpoints[K]["body"];

export interface CallOptions<O extends { params: unknown; query: unknown; body: unknown }> {
  params?: O["params"];
  query?: Partial<O["query"]>;
  body?: O["body"];
  signal?: AbortSignal;
}

/**
 * One problem with a field, by its place in what the screen sent (`values.3.value`, `reason`,
 * `cells.E9`): the server names the request part too (`body.reason`, `querystring.period`,
 * docs/api.md "Errors"), which a screen does not need.
 */
export interface FieldProblem {
  path: string;
  message: string;
  message_en: string;
  code?: string;
}

/** `body.values.3.value` → `values.3.value`; `body` alone (the whole body) stays. */
export const inRequestPart = (path: string): string => path.replace(/^(body|querystring|params)\./, "");

/**
 * A refused or failed call. `offline` when the server could not be reached at all (the caller
 * keeps what it was sending); otherwise the server's coded error in both languages.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly details: FieldProblem[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const error = (body.error ?? {}) as Partial<{
      code: string;
      message: string;
      message_en: string;
      details: FieldProblem[];
    }>;
    super(error.message_en ?? `HTTP ${status}`);
    this.status = status;
    this.code = error.code ?? (status === 0 ? "OFFLINE" : "HTTP_ERROR");
    this.messageVi = error.message ?? "";
    this.messageEn = error.message_en ?? "";
    this.details = (error.details ?? []).map((d) => ({ ...d, path: inRequestPart(d.path) }));
    this.body = body;
  }

  get offline(): boolean {
    return this.status === 0;
  }
}

/** Called when the server answers 401: the session ended while the page was open. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** The URL of an endpoint with its path parameters filled and its query appended. */
export function apiUrl(path: string, params?: unknown, query?: unknown): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((params as Record<string, unknown>)?.[name] ?? "")),
  );
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
  }
  const q = search.toString();
  return q ? `${filled}?${q}` : filled;
}

async function send(method: Method, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, method, credentials: "same-origin" });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, {});
  }
}

async function answer(response: Response, url: string): Promise<unknown> {
  const type = response.headers.get("content-type") ?? "";
  const data = type.includes("json") ? await response.json() : await response.text();
  if (response.ok) return response.status === 204 ? null : data;
  if (response.status === 401 && !url.startsWith("/api/auth/login")) onUnauthenticated();
  throw new ApiError(response.status, typeof data === "object" && data ? data : {});
}

interface LooseOptions {
  params?: unknown;
  query?: unknown;
  body?: unknown;
  signal?: AbortSignal;
}

async function call(method: Method, path: string, options: LooseOptions | undefined) {
  const url = apiUrl(path, options?.params, options?.query);
  const body = options?.body;
  const init: RequestInit = { signal: options?.signal };
  if (body instanceof Blob) {
    init.body = body;
    init.headers = { "content-type": body.type || "application/octet-stream" };
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { "content-type": "application/json" };
  }
  return answer(await send(method, url, init), url);
}

function caller<M extends Method>(method: M) {
  return <P extends PathOf<M>>(path: P, options?: CallOptions<Op<M, P>>): Promise<Op<M, P>["response"]> =>
    call(method, path, options as LooseOptions) as Promise<Op<M, P>["response"]>;
}

/** The typed API client: paths, parameters, bodies and answers come from schema.d.ts. */
export const api = {
  get: caller("GET"),
  post: caller("POST"),
  put: caller("PUT"),
  patch: caller("PATCH"),
  delete: caller("DELETE"),
  /** A GET of a paged list: its items and how many the whole list holds (X-Total-Count). */
  page: async <P extends PathOf<"GET">>(
    path: P,
    options?: CallOptions<Op<"GET", P>>,
  ): Promise<{ items: Op<"GET", P>["response"]; total: number }> => {
    const o = options as LooseOptions | undefined;
    const url = apiUrl(path, o?.params, o?.query);
    const response = await send("GET", url, { signal: o?.signal });
    const items = (await answer(response, url)) as Op<"GET", P>["response"];
    return { items, total: Number(response.headers.get("x-total-count") ?? 0) };
  },
  /** A GET answered as text (Markdown). */
  text: <P extends PathOf<"GET">>(path: P, options?: CallOptions<Op<"GET", P>>): Promise<string> =>
    call("GET", path, options as LooseOptions) as Promise<string>,
  /** The address of a GET endpoint, for downloads through a plain link. */
  href: <P extends PathOf<"GET">>(path: P, options?: Pick<CallOptions<Op<"GET", P>>, "params" | "query">) =>
    apiUrl(path, options?.params, options?.query),
};
