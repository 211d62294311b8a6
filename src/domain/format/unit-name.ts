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
