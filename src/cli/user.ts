import type { Role } from "../access/principal.ts";
import { roles } from "../access/principal.ts";
import { systemActor } from "../audit/audit.ts";
import { createUser } from "../users/service.ts";
import { withDatabase } from "./database.ts";
import { passwordFromOperator } from "./password.ts";
import { needs, oneOf } from "./usage.ts";

/** `chiso user add`: a user with grants on existing units (the first admin comes from `chiso init`). */
export async function userAdd(values: Record<string, unknown>): Promise<number> {
  const username = values.username as string | undefined;
  const roleList = (values.role as string[] | undefined) ?? [];
  const unitList = (values.unit as string[] | undefined) ?? [];
  if (!username || roleList.length === 0 || roleList.length !== unitList.length) {
    throw needs("--username", "--role/--unit (từng cặp / in pairs)");
  }
  for (const role of roleList) oneOf("--role", role, roles, "viewer");
  const password = await passwordFromOperator(values);
  if (password === null) return 2;
  const grants = roleList.map((role, i) => ({ role: role as Role, unitCode: unitList[i] as string }));
  const created = await withDatabase((database) =>
    createUser(database.db, systemActor("cli"), null, {
      username,
      displayName: (values.name as string | undefined) ?? username,
      password,
      grants,
    }),
  );
  process.stdout.write(`Đã tạo người dùng / Created user ${created.username} (id ${created.id})\n`);
  return 0;
}
