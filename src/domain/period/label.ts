import type { Period } from "./types.ts";

const ROMAN = ["I", "II", "III", "IV"];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "Tháng 9/2023", "Quý III/2023", "6 tháng đầu năm 2023", "6 tháng cuối năm 2023", "Năm 2023". */
export function labelVi(p: Period): string {
  switch (p.type) {
    case "month":
      return `Tháng ${p.index}/${p.year}`;
    case "quarter":
      return `Quý ${ROMAN[p.index - 1]}/${p.year}`;
    case "half_year":
      return `6 tháng ${p.index === 1 ? "đầu" : "cuối"} năm ${p.year}`;
    case "year":
      return `Năm ${p.year}`;
  }
}

/** "September 2023", "Q3 2023", "H2 2023", "2023". */
export function labelEn(p: Period): string {
  switch (p.type) {
    case "month":
      return `${MONTHS_EN[p.index - 1]} ${p.year}`;
    case "quarter":
      return `Q${p.index} ${p.year}`;
    case "half_year":
      return `H${p.index} ${p.year}`;
    case "year":
      return String(p.year);
  }
}
