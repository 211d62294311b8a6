import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { demoPassword } from "../demo/dataset/logins.ts";

const loginOut = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  unit: z.string(),
  unitName: z.string(),
});
const demoOut = z.object({ demo: z.boolean(), password: z.string().nullable(), logins: z.array(loginOut) });
type DemoInfo = z.infer<typeof demoOut>;

/** The demo loader's actor: every demo account was created by it (audited). */
const DEMO_ACTOR = "demo";

/**
 * The demo accounts still active: users whose creation was recorded by the demo loader. A real
 * installation has none (its users are created by people), so the login page shows nothing;
 * an installation grown from the demo stops showing an account once it is deactivated.
 */
export async function demoInfo(conn: Conn): Promise<DemoInfo> {
  const logins = await queryRows<z.infer<typeof loginOut>>(
    conn,
    sql`select u.username, u.display_name as "displayName", g.role::text as role, t.code as unit,
               t.name_vi as "unitName"
        from users u
        join audit_log a on a.object_type = 'user' and a.object_id = u.id::text and a.action = 'create'
                        and a.actor_name = ${DEMO_ACTOR}
        join user_grants g on g.user_id = u.id join units t on t.id = g.unit_id
        where u.active order by u.id, g.role`,
  );
  return { demo: logins.length > 0, password: logins.length ? demoPassword : null, logins };
}

/** Read at most this often: the endpoint is public and the answer changes only with the users. */
const TTL_MS = 10_000;

export const demoRoutes: FastifyPluginAsyncZod = async (app) => {
  let cached: { at: number; value: Promise<DemoInfo> } | null = null;
  app.get(
    "/demo",
    {
      schema: {
        tags: ["system"],
        summary:
          "Tài khoản dùng thử khi đang chạy dữ liệu mẫu (công khai) / The demo logins while the demo is loaded (public)",
        security: [],
        response: { 200: demoOut },
      },
    },
    async () => {
      if (!cached || Date.now() - cached.at > TTL_MS) {
        const value = demoInfo(app.db);
        cached = { at: Date.now(), value };
        value.catch(() => {
          cached = null;
        });
      }
      return cached.value;
    },
  );
};
