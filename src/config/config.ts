import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { RateLimits } from "../http/rate-limit.ts";

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; when unset the embedded PGlite database in dataDir is used. */
  databaseUrl?: string;
  /** A hot standby of that server, for analytics, the IOC, exports and reports (docs/operations.md). */
  databaseReadUrl?: string;
  dataDir: string;
  /** Session lifetime in hours. */
  sessionHours: number;
  /** Send the session cookie with `Secure` (behind HTTPS). */
  secureCookies: boolean;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Where background imports spool their uploaded file until the job ends. */
  uploadDir: string;
  logLevel: string;
  /** Origins besides the server's own from which browsers may write (a separate web front). */
  allowedOrigins: string[];
  /** The address users reach the web application at, for the links the CLI prints (password links). */
  publicUrl: string;
  /** The bearer token that opens /metrics; unset, /metrics answers 404. */
  metricsToken?: string;
  /** Requests per window on exports, reports and analytics, per user and per address (docs/security.md). */
  rateLimits: RateLimits;
  /** Start the server's clock at this instant instead of now (demos and tests; see clock.ts). */
  clockStart?: Date;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number.parseInt(env.PORT ?? "3000", 10),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir: resolve(env.CHISO_DATA_DIR ?? "./data"),
    sessionHours: Number.parseInt(env.CHISO_SESSION_HOURS ?? "12", 10),
    secureCookies: env.CHISO_SECURE_COOKIES === "true",
    bodyLimit: Number.parseInt(env.CHISO_BODY_LIMIT ?? String(10 * 1024 * 1024), 10),
    uploadDir: resolve(env.CHISO_UPLOAD_DIR ?? join(tmpdir(), "chiso-uploads")),
    logLevel: env.LOG_LEVEL ?? "info",
    clockStart: instant(env.CHISO_CLOCK_START),
    publicUrl: (env.CHISO_PUBLIC_URL ?? `http://localhost:${env.PORT ?? "3000"}`).replace(/\/+$/, ""),
    metricsToken: env.CHISO_METRICS_TOKEN || undefined,
    rateLimits: {
      perUser: Number.parseInt(env.CHISO_RATE_LIMIT_USER ?? "60", 10),
      perIp: Number.parseInt(env.CHISO_RATE_LIMIT_IP ?? "300", 10),
      windowSeconds: Number.parseInt(env.CHISO_RATE_LIMIT_WINDOW ?? "60", 10),
    },
    allowedOrigins: (env.CHISO_ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  };
}

function instant(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) {
    throw new Error(`CHISO_CLOCK_START: không phải thời điểm ISO 8601 / not an ISO 8601 instant: ${text}`);
  }
  return at;
}
