/** Synthetic trees for the pure tests of the plan and the engine. Only tests import this file. */
import type { UnitRow } from "./queries.ts";
import type { PlacementRow } from "./tree.ts";

/** A province (id 1) with `n` communes (ids 2…n+1) placed under it since 2020. */
export function flatTree(n: number): { units: UnitRow[]; placements: PlacementRow[] } {
  const units: UnitRow[] = [{ id: 1, code: "P", nameVi: "P", nameEn: null }];
  const placements: PlacementRow[] = [
    { unitId: 1, parentId: null, level: 1, validFrom: "2020-01-01", validTo: null },
  ];
  for (let id = 2; id <= n + 1; id++) {
    units.push({ id, code: `C${id}`, nameVi: `C${id}`, nameEn: null });
    placements.push({ unitId: id, parentId: 1, level: 2, validFrom: "2020-01-01", validTo: null });
  }
  return { units, placements };
}
