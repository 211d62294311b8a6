/** The English word for each kind of administrative unit, after the name as English puts it. */
const ENGLISH_KIND: Record<string, string> = {
  tỉnh: "Province",
  "thành phố": "City",
  huyện: "District",
  quận: "District",
  "thị xã": "Town",
  xã: "Commune",
  phường: "Ward",
  "thị trấn": "Township",
  "đặc khu": "Special Zone",
};

/** The plural English word for a kind: "xã" → "communes", "thành phố" → "cities"; else the type. */
export function englishKindPlural(type: string): string {
  const kind = ENGLISH_KIND[type.toLocaleLowerCase("vi")];
  if (!kind) return type;
  return kind === "City" ? "cities" : `${kind.toLowerCase()}s`;
}

/** "Tỉnh Đồng Tháp" → "Đồng Tháp", for "Đồng Tháp, ngày 05 tháng 10 năm 2023". */
export function withoutTypeWord(name: string, type: string): string {
  const prefix = `${type} `;
  return name.toLocaleLowerCase("vi").startsWith(prefix.toLocaleLowerCase("vi"))
    ? name.slice(prefix.length)
    : name;
}

/**
 * A unit's name in English when none was given: "Tỉnh Đồng Tháp" → "Đồng Tháp Province",
 * "Xã Mỹ Tân" → "Mỹ Tân Commune", a numbered one "Phường 3" → "Ward 3". A kind without an
 * English word keeps the Vietnamese name.
 */
export function englishUnitName(nameVi: string, type: string): string {
  const kind = ENGLISH_KIND[type.toLocaleLowerCase("vi")];
  if (!kind) return nameVi;
  const place = withoutTypeWord(nameVi, type);
  return /^\d+$/.test(place) ? `${kind} ${place}` : `${place} ${kind}`;
}

/** Short forms of the type words officials write before a parent's name: "TP Sa Đéc". */
const SHORT_TYPE: Record<string, string> = { "thành phố": "TP", "thị xã": "TX" };

/** "Thành phố Sa Đéc" → "TP Sa Đéc"; "Huyện Lai Vung" → "huyện Lai Vung". */
export function shortParentName(name: string, type: string): string {
  const short = SHORT_TYPE[type.toLocaleLowerCase("vi")];
  const place = withoutTypeWord(name, type);
  if (short) return `${short} ${place}`;
  return place === name ? name : `${type.toLocaleLowerCase("vi")} ${place}`;
}

export interface NamedUnit {
  code: string;
  nameVi: string;
  /** The parent on the day in question, to tell apart units of the same name. */
  parent: { nameVi: string; type: string } | null;
}

/**
 * Each unit's name, told apart where two in the list share it: "Phường 3 (TP Sa Đéc)" beside
 * "Phường 3 (TP Cao Lãnh)". A name used once stays as it is.
 */
export function distinctUnitNames(units: readonly NamedUnit[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const u of new Map(units.map((x) => [x.code, x])).values())
    count.set(u.nameVi, (count.get(u.nameVi) ?? 0) + 1);
  return new Map(
    units.map((u) => {
      const parent = (count.get(u.nameVi) ?? 0) > 1 ? u.parent : null;
      return [u.code, parent ? `${u.nameVi} (${shortParentName(parent.nameVi, parent.type)})` : u.nameVi];
    }),
  );
}
