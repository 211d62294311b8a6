import type { UnitGroup } from "../../domain/forms/index.ts";
import type { NewUnit } from "../../units/service.ts";
import { parseCsv } from "./csv.ts";

export const demoValidFrom = "2020-01-01";
export const provinceCode = "87";

const agencyType = "sở/ngành";

const departmentNamesEn: Record<string, string> = {
  "S-VP": "Office of the Provincial People's Committee",
  "S-NV": "Department of Home Affairs",
  "S-TP": "Department of Justice",
  "S-KHDT": "Department of Planning and Investment",
  "S-TC": "Department of Finance",
  "S-CT": "Department of Industry and Trade",
  "S-NNPTNT": "Department of Agriculture and Rural Development",
  "S-GTVT": "Department of Transport",
  "S-XD": "Department of Construction",
  "S-TNMT": "Department of Natural Resources and Environment",
  "S-TTTT": "Department of Information and Communications",
  "S-LDTBXH": "Department of Labour, Invalids and Social Affairs",
  "S-VHTTDL": "Department of Culture, Sports and Tourism",
  "S-KHCN": "Department of Science and Technology",
  "S-GDDT": "Department of Education and Training",
  "S-YT": "Department of Health",
  "S-TTR": "Provincial Inspectorate",
  "S-NGV": "Department of Foreign Affairs",
  "S-BQLKKT": "Dong Thap Economic Zone Authority",
};

/** Vietnamese type word → the English word put after the name ("Cao Lanh City"). */
const typeWordsEn: Record<string, string> = {
  tỉnh: "Province",
  "thành phố": "City",
  huyện: "District",
  xã: "Commune",
  phường: "Ward",
  "thị trấn": "Town",
};

export function withoutDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

/** "Thành phố Cao Lãnh" → "Cao Lanh City"; a numbered ward reads "Ward 11" instead. */
function territorialNameEn(nameVi: string, type: string): string | null {
  const english = typeWordsEn[type];
  if (!english) return null;
  const prefix = type.charAt(0).toUpperCase() + type.slice(1);
  const bare = withoutDiacritics(nameVi.startsWith(`${prefix} `) ? nameVi.slice(prefix.length + 1) : nameVi);
  return /^\d+$/.test(bare) ? `${english} ${bare}` : `${bare} ${english}`;
}

function groupOf(type: string, level: number): UnitGroup {
  if (type === agencyType) return "department";
  return (["province", "district", "commune"] as const)[level - 1] ?? "commune";
}

interface SeedRow {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  level: number;
}

function seedRows(csvText: string): SeedRow[] {
  return parseCsv(csvText).map((r) => ({
    code: r.code ?? "",
    name: r.name ?? "",
    type: r.type ?? "",
    parentCode: r.parent_code ? r.parent_code : null,
    level: Number.parseInt(r.level ?? "", 10),
  }));
}

/** The 175 seed rows as units to create, parents before children (province, then level 2, then 3). */
export function demoUnits(csvText: string): NewUnit[] {
  const rows = seedRows(csvText).sort((a, b) => a.level - b.level);
  return rows.map((r) => {
    const agency = r.type === agencyType;
    return {
      code: r.code,
      nameVi: r.name,
      nameEn: agency ? (departmentNamesEn[r.code] ?? null) : territorialNameEn(r.name, r.type),
      kind: agency ? "agency" : "territorial",
      type: r.type,
      groupCode: groupOf(r.type, r.level),
      parentCode: r.parentCode,
      validFrom: demoValidFrom,
    };
  });
}
