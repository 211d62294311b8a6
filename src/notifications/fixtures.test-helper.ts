import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { seedTinyTree, type TestApp, testActor, testPassword } from "../../test/harness.ts";
import type { Role } from "../access/principal.ts";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { seedReporting } from "../forms/test-fixtures.ts";
import { createUser } from "../users/service.ts";
import { saveSettings } from "./service.ts";

export async function addUser(
  database: Database,
  username: string,
  grants: { role: Role; unitCode: string }[],
): Promise<number> {
  await createUser(database.db, testActor, null, {
    username,
    displayName: username,
    password: "mat-khau-thu-nghiem",
    grants,
  });
  const [row] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

/**
 * The tiny tree (P; D1 with C11, C12; D2 with C21) and the monthly CDS_XA form (due 5 days after
 * the month) for C11, C12, C21. Reporters on C11 and C12, one on D2 (the nearest for C21);
 * approvers on D1 and D2; the province's admin. r11 has an e-mail address; r2 muted "due soon".
 */
export async function seedRhythm(database: Database) {
  await seedTinyTree(database);
  await seedReporting(database.db);
  const ids = {
    r11: await addUser(database, "r11", [{ role: "reporter", unitCode: "C11" }]),
    r12: await addUser(database, "r12", [{ role: "reporter", unitCode: "C12" }]),
    r2: await addUser(database, "r2", [{ role: "reporter", unitCode: "D2" }]),
    a1: await addUser(database, "a1", [{ role: "approver", unitCode: "D1" }]),
    a2: await addUser(database, "a2", [{ role: "approver", unitCode: "D2" }]),
    ad: await addUser(database, "ad", [{ role: "admin", unitCode: "P" }]),
  };
  await saveSettings(database.db, testActor, ids.r11, {
    email: "r11@xa.example",
    emailEnabled: true,
    muted: [],
  });
  await saveSettings(database.db, testActor, ids.r2, {
    email: null,
    emailEnabled: true,
    muted: ["due_soon"],
  });
  return ids;
}

/** Signs `username` in (the test password) and answers the headers carrying its session. */
export async function login(t: TestApp, username: string) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: testPassword },
  });
  const cookie = res.cookies.find((c) => c.name === "chiso_session");
  return { cookie: `chiso_session=${cookie?.value}` };
}

/** 09:00 (or `hour`) in Việt Nam on `day`. */
export const at = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+07:00`);

export interface Received {
  to: string;
  messageId: string;
  raw: string;
}

/**
 * A real SMTP server in the test process (smtp-server): it takes every message, or answers
 * `reject(address)` to a recipient (e.g. a 550 or a 451), and keeps what it received.
 */
export async function smtpSink(
  reject: (address: string) => { code: number; text: string } | null = () => null,
) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refused = reject(address.address);
      if (!refused) return callback();
      return callback(Object.assign(new Error(refused.text), { responseCode: refused.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? "";
        for (const r of session.envelope.rcptTo) received.push({ to: r.address, messageId, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
