import { parseIsoDate } from "../period/index.ts";

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS_EN = [
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

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** "2023-09-30" -> "30/09/2023". Throws PeriodError INVALID_DATE for a bad date. */
export function formatDateVi(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * The date line of an official document: "ngày 05 tháng 10 năm 2023". As Decree 30/2020/NĐ-CP
 * requires, days below 10 and the months 1 and 2 take a leading zero, other months do not:
 * "ngày 05 tháng 01 năm 2024", "ngày 15 tháng 3 năm 2024".
 */
export function formatLongDateVi(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** "2023-09-30" -> "30 Sep 2023" (day first, month as a word, never ambiguous). */
export function formatDateEn(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** "2023-10-05" -> "5 October 2023". */
export function formatLongDateEn(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${day} ${LONG_MONTHS_EN[month - 1]} ${year}`;
}
