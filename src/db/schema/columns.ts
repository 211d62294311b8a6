import { customType } from "drizzle-orm/pg-core";

/** Raw bytes: PGlite answers a Uint8Array, node-postgres a Buffer; both become a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});
