import * as clock from "../config/clock.ts";
import type { Conn } from "../db/client.ts";
import { type Mailer, sendDueEmails, smtpMailer } from "./mailer.ts";
import { sweepNotices } from "./sweep.ts";
import { sendDueWebhooks } from "./webhook.ts";

interface Logger {
  error(obj: unknown, msg?: string): void;
}

export interface NoticeConfig {
  /** How often the sweep and the sender run, in milliseconds. */
  everyMs: number;
  mailer: Mailer | null;
}

/** From the environment: `CHISO_SMTP_URL`, `CHISO_MAIL_FROM`, `CHISO_NOTICES_EVERY_S` (default 60). */
export function noticeConfig(env: NodeJS.ProcessEnv = process.env): NoticeConfig {
  const url = env.CHISO_SMTP_URL;
  const from = env.CHISO_MAIL_FROM ?? "chiso <no-reply@localhost>";
  return {
    everyMs: Number.parseInt(env.CHISO_NOTICES_EVERY_S ?? "60", 10) * 1000,
    mailer: url ? smtpMailer(url, from) : null,
  };
}

/**
 * Runs in the server process: every `everyMs` it stores the notices due at the clock's instant,
 * then sends the e-mails and webhook deliveries due. One tick at a time; a failed tick is logged and the next one tries
 * again. Several servers may run it on one PostgreSQL: keys and row claims keep each notice once.
 */
export class NoticeScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly db: Conn,
    private readonly config: NoticeConfig,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.config.everyMs);
    this.timer.unref();
    void this.tick();
  }

  /** One sweep and one send at the clock's instant. */
  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.running = (async () => {
      try {
        await sweepNotices(this.db, clock.now());
        if (this.config.mailer) await sendDueEmails(this.db, this.config.mailer, clock.now());
        await sendDueWebhooks(this.db, clock.now());
      } catch (error) {
        this.log.error(error, "notices: sweep or send failed");
      } finally {
        this.busy = false;
      }
    })();
    await this.running;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
