import { eq } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { units } from "../db/schema/index.ts";
import { notFound } from "../errors/app-error.ts";

/** The code and name of a unit by id, for scope checks and messages. */
export async function unitOf(conn: Conn, id: number): Promise<{ id: number; code: string; nameVi: string }> {
  const [unit] = await conn
    .select({ id: units.id, code: units.code, nameVi: units.nameVi })
    .from(units)
    .where(eq(units.id, id));
  if (!unit) throw notFound("đơn vị", "unit", String(id));
  return unit;
}
