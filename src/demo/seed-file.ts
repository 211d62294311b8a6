import { readFileSync } from "node:fs";

/** The seed list of Đồng Tháp's 2023 units, shipped with the code (a byte-for-byte copy of shared/seed). */
const seedUrl = new URL("./data/units-dong-thap-2023.csv", import.meta.url);

export function readUnitsCsv(): string {
  return readFileSync(seedUrl, "utf8");
}
