/**
 * The province totals the demo's values add up to. September 2023 holds the published figures
 * (shared/seed/FIGURES.md); where the report gives only a share or "more than", the total is
 * chosen so the share rounds to the published one (320 / 699 = 45,8%; 392.292 / 468.912 =
 * 83,66%). August 2023 is a little lower: plausible growth over one month.
 */
export const demoPeriods = ["202308", "202309"] as const;
export type DemoPeriod = (typeof demoPeriods)[number];

/** Totals that change from August to September; the other stocks hold steady. */
export const growingTotals = {
  DVC_FULL: { "202308": 748, "202309": 763 },
  DVC_PARTIAL: { "202308": 209, "202309": 214 },
  FEEDBACK_RECEIVED: { "202308": 2_690, "202309": 3_024 },
  SMARTPHONE_SUBSCRIBERS: { "202308": 1_198_342, "202309": 1_205_780 },
  DEVICES_MONITORED: { "202308": 3_776, "202309": 3_819 },
  HAMLETS_WITH_TEAM: { "202308": 301, "202309": 320 },
  HOUSEHOLDS_FIBRE: { "202308": 390_004, "202309": 392_292 },
  BTS_STATIONS: { "202308": 5_031, "202309": 5_046 },
  LGSP_CONNECTED: { "202308": 18, "202309": 19 },
  YOUTH_DX_MEMBERS: { "202308": 951, "202309": 968 },
  SUPPORT_ACTIVITIES: { "202308": 2_968, "202309": 3_318 },
  CITIZEN_CONTACTS: { "202308": 207_450, "202309": 231_870 },
} as const satisfies Record<string, Record<DemoPeriod, number>>;

export type GrowingMetric = keyof typeof growingTotals;

export const steadyTotals = {
  PROCEDURES_TOTAL: 1_605,
  HAMLETS_TOTAL: 699,
  HOUSEHOLDS_TOTAL: 468_912,
  LGSP_TOTAL: 23,
  SECURITY_LAYERS: 4,
  DIGITAL_ECONOMY_GRDP_SHARE: 6.42,
} as const;

/** Feedback still being handled at the end of each month (received − answered). */
export const feedbackPending: Record<DemoPeriod, number> = { "202308": 9, "202309": 11 };

/**
 * Administrative procedures per department, roughly as provinces publish them; only the
 * proportions matter, the split adds up to 1.605.
 */
export const procedureWeights: Record<string, number> = {
  "S-VP": 10,
  "S-NV": 90,
  "S-TP": 140,
  "S-KHDT": 120,
  "S-TC": 20,
  "S-CT": 130,
  "S-NNPTNT": 120,
  "S-GTVT": 120,
  "S-XD": 60,
  "S-TNMT": 110,
  "S-TTTT": 45,
  "S-LDTBXH": 130,
  "S-VHTTDL": 130,
  "S-KHCN": 50,
  "S-GDDT": 80,
  "S-YT": 140,
  "S-TTR": 10,
  "S-NGV": 10,
  "S-BQLKKT": 40,
};

/** Approximate population of each district-level unit, in thousands: weights for its figures. */
export const districtPopulation: Record<string, number> = {
  "866": 164,
  "867": 106,
  "868": 100,
  "869": 80,
  "870": 113,
  "871": 100,
  "872": 131,
  "873": 200,
  "874": 150,
  "875": 180,
  "876": 160,
  "877": 150,
};

/** Per commune type: typical hamlets, households and share of households on fibre. */
export const communeProfile: Record<string, { hamlets: number; households: number; fibre: number }> = {
  phường: { hamlets: 4.5, households: 4_200, fibre: 0.93 },
  "thị trấn": { hamlets: 6, households: 4_000, fibre: 0.9 },
  xã: { hamlets: 4.8, households: 3_100, fibre: 0.81 },
};
