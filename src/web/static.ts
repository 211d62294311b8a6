import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { AppError } from "../errors/app-error.ts";

/** Where `npm run build:web` puts the web application. */
export const webDist = resolve(dirname(fileURLToPath(import.meta.url)), "../../web/dist");

/** Vite names every built asset by its content hash: a year's cache is safe. */
const IMMUTABLE = "public, max-age=31536000, immutable";

const notBuilt = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>chiso</title>
<p>Chưa dựng giao diện web: chạy <code>npm run build:web</code> (hoặc <code>npm start</code>).</p>
<p>The web application is not built: run <code>npm run build:web</code> (or <code>npm start</code>).</p></html>`;

/**
 * Serves the built React application at `/` on the API's port: hashed assets with a long cache
 * (pre-compressed .br/.gz when present), and index.html for every other non-API path so the
 * application's own routes (/ioc, /reports/…) survive a reload. Unknown /api paths keep the
 * API's 404. Registered after the API, so no API route is shadowed.
 */
export async function webApp(app: FastifyInstance, root = webDist): Promise<void> {
  await app.register(async (scope) => {
    // The application's files are public: signing in happens inside it.
    scope.addHook("onRoute", (route) => {
      route.config = { ...route.config, public: true };
    });
    await serveFiles(scope, root);
  });
}

async function serveFiles(app: FastifyInstance, root: string): Promise<void> {
  // Assets are looked up when asked (a rebuild while the server runs is served at once); a
  // missing one is the API's 404, never index.html.
  await app.register(fastifyStatic, {
    root: join(root, "assets"),
    prefix: "/assets/",
    index: false,
    preCompressed: true,
    dotfiles: "ignore",
    cacheControl: false,
    // index.html goes through the same sender (from the fallback): it must never be cached.
    setHeaders: (reply, path) => {
      reply.header("cache-control", path.startsWith(join(root, "assets")) ? IMMUTABLE : "no-cache");
    },
  });
  const fallback = async (request: { url: string }, reply: FastifyReply) => {
    const api = request.url === "/api" || request.url.startsWith("/api/");
    if (api || request.url.startsWith("/assets/")) throw new AppError("ROUTE_NOT_FOUND");
    if (!existsSync(join(root, "index.html"))) {
      return reply.status(503).type("text/html; charset=utf-8").send(notBuilt);
    }
    return reply.sendFile("index.html", root);
  };
  const options = { schema: { hide: true } };
  app.get("/", options, fallback);
  app.get("/*", options, fallback);
}
