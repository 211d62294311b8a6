/**
 * Nhóm đơn vị: who reports which metrics of a form. Agencies (Sở, ngành) are departments;
 * territorial units are the province, districts (cấp huyện) or communes (cấp xã).
 */
export const unitGroups = ["province", "department", "district", "commune"] as const;
export type UnitGroup = (typeof unitGroups)[number];

export const groupNames: Record<UnitGroup, { vi: string; en: string }> = {
  province: { vi: "Cấp tỉnh", en: "Province" },
  department: { vi: "Sở, ngành", en: "Departments and agencies" },
  district: { vi: "Cấp huyện", en: "Districts" },
  commune: { vi: "Cấp xã", en: "Communes" },
};

/** Official type words whose level of government is fixed, whatever the unit's depth in the tree. */
const byTypeWord: Record<string, UnitGroup> = {
  tỉnh: "province",
  huyện: "district",
  quận: "district",
  "thị xã": "district",
  xã: "commune",
  phường: "commune",
  "thị trấn": "commune",
  "đặc khu": "commune",
};

/**
 * The group of a unit from what the units table stores: its kind, its type word and its level.
 * The type word decides first, so a commune stays a commune in the two-tier tree of 07/2025
 * (where it sits at level 2); a word that does not say (thành phố, or one of the province's own)
 * falls back on the level: 1 province, 2 district, deeper commune.
 */
export function unitGroup(unit: { kind: string; type: string; level: number }): UnitGroup {
  if (unit.kind === "agency") return "department";
  const word = byTypeWord[unit.type.normalize("NFC").trim().toLowerCase()];
  if (word) return word;
  if (unit.level <= 1) return "province";
  return unit.level === 2 ? "district" : "commune";
}
