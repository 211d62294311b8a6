/**
 * Where each district-level unit sits on the tile map: [column, row], north at the top. The
 * twelve districts and cities of Đồng Tháp (2023) roughly as on the map, from Hồng Ngự and Tân
 * Hồng by the Cambodian border down the Tiền river to Lai Vung, Sa Đéc and Châu Thành. Units
 * without a place (another province, a new district) are laid out in rows below.
 */
export const DONG_THAP_TILES: Readonly<Record<string, readonly [number, number]>> = {
  "868": [0, 0], // Thành phố Hồng Ngự
  "869": [1, 0], // Huyện Tân Hồng
  "870": [0, 1], // Huyện Hồng Ngự
  "871": [1, 1], // Huyện Tam Nông
  "874": [0, 2], // Huyện Thanh Bình
  "873": [1, 2], // Huyện Cao Lãnh
  "872": [2, 2], // Huyện Tháp Mười
  "875": [0, 3], // Huyện Lấp Vò
  "866": [1, 3], // Thành phố Cao Lãnh
  "876": [0, 4], // Huyện Lai Vung
  "867": [1, 4], // Thành phố Sa Đéc
  "877": [2, 4], // Huyện Châu Thành
};

const COLUMNS = 3;

/** Whether any of the units has a place on the map (Đồng Tháp's districts), not only a row below it. */
export function anyPlaced(codes: readonly string[]): boolean {
  return codes.some((c) => DONG_THAP_TILES[c]);
}

/** Each unit's tile: its known place, or the next free place in the rows below the map. */
export function placeTiles(codes: readonly string[]): Map<string, { column: number; row: number }> {
  const placed = new Map<string, { column: number; row: number }>();
  const known = codes.filter((c) => DONG_THAP_TILES[c]);
  for (const code of known) {
    const [column, row] = DONG_THAP_TILES[code] ?? [0, 0];
    placed.set(code, { column, row });
  }
  const firstFree = known.length ? Math.max(...[...placed.values()].map((p) => p.row)) + 1 : 0;
  codes
    .filter((c) => !DONG_THAP_TILES[c])
    .forEach((code, i) => {
      placed.set(code, { column: i % COLUMNS, row: firstFree + Math.floor(i / COLUMNS) });
    });
  return placed;
}
