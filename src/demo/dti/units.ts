/**
 * The units of the 2022 assessment and their ranking group, with a SAMPLE level (0–1) that
 * drives their sample values. Units sharing a `seed` get the very same values: the demo's
 * rankings then show ties (1, 2, 2, 4).
 */
export interface DemoAssessedUnit {
  code: string;
  group: "SO_DVC" | "SO_KHAC" | "HUYEN";
  level: number;
  seed?: string;
}

const dept = (code: string, level: number, seed?: string): DemoAssessedUnit => ({
  code,
  group: "SO_DVC",
  level,
  seed,
});
const other = (code: string, level: number): DemoAssessedUnit => ({ code, group: "SO_KHAC", level });
const district = (code: string, level: number, seed?: string): DemoAssessedUnit => ({
  code,
  group: "HUYEN",
  level,
  seed,
});

export const demoAssessedUnits: DemoAssessedUnit[] = [
  dept("S-TTTT", 0.95),
  dept("S-TC", 0.9),
  dept("S-KHDT", 0.86),
  dept("S-TP", 0.84),
  dept("S-NV", 0.82),
  dept("S-YT", 0.8),
  dept("S-GDDT", 0.78),
  dept("S-NNPTNT", 0.76, "tie-so"),
  dept("S-GTVT", 0.76, "tie-so"),
  dept("S-TNMT", 0.74),
  dept("S-CT", 0.72),
  dept("S-XD", 0.7),
  dept("S-LDTBXH", 0.68),
  dept("S-VHTTDL", 0.65),
  dept("S-KHCN", 0.62),
  dept("S-BQLKKT", 0.58),
  // Bodies that provide no public services of their own: ranked in their own group (800 points).
  other("S-VP", 0.85),
  other("S-TTR", 0.7),
  other("S-NGV", 0.6),
  district("866", 0.92),
  district("867", 0.88),
  district("868", 0.8),
  district("869", 0.74, "tie-huyen"),
  district("870", 0.66),
  district("871", 0.7),
  district("872", 0.74, "tie-huyen"),
  district("873", 0.78),
  district("874", 0.64),
  district("875", 0.76),
  district("876", 0.68),
  district("877", 0.72),
];
