import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/harness.ts";
import { floatArray, intArray, textArray } from "./arrays.ts";
import type { Database } from "./client.ts";
import { queryRows } from "./rows.ts";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

const roundTrip = async <T>(literal: string, type: "int[]" | "float8[]" | "text[]") => {
  const rows = await queryRows<{ items: T[] }>(
    database.db,
    sql`select ${literal}::${sql.raw(type)} as items`,
  );
  return rows[0]?.items;
};

describe("array literals passed as one parameter", () => {
  it("carries text with quotes, backslashes, commas, braces and Vietnamese unchanged", async () => {
    const items = ['Sở "Nội vụ"', "a\\b", "x,y", "{z}", "", "NULL", "Đồng Tháp"];
    expect(await roundTrip(textArray(items), "text[]")).toEqual(items);
  });

  it("carries integers and floats, including NaN and infinities", async () => {
    expect(await roundTrip(intArray(new Set([3, -1, 2_000_000_000])), "int[]")).toEqual([
      3, -1, 2_000_000_000,
    ]);
    const floats = [1.5, -0.25, Number.NaN, Number.POSITIVE_INFINITY, 1e-12];
    expect(await roundTrip(floatArray(floats), "float8[]")).toEqual(floats);
  });

  it("gives an empty array for no items", async () => {
    expect(await roundTrip(intArray([]), "int[]")).toEqual([]);
    expect(await roundTrip(textArray([]), "text[]")).toEqual([]);
  });
});
