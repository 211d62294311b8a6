import { nfc } from "../domain/format/index.ts";
import {
  type Criterion,
  type CriterionValue,
  criterionMax,
  type Framework,
  scoreCriterion,
} from "../domain/index-scoring/index.ts";
import { type FieldIssue, fieldIssue } from "../errors/app-error.ts";
import { issues } from "./messages.ts";
import type { StoredValue, ValueRow } from "./types.ts";

/** A value as the API receives it: null clears it. */
export interface ValueInput {
  criterion: string;
  value: CriterionValue | null;
}

/** Tier option codes are compared in NFC, like every text from users. */
export const normaliseValue = (value: CriterionValue | null): CriterionValue | null =>
  typeof value === "string" ? nfc(value.trim()) : value;

/**
 * Checks each item against the framework for the unit's group: a known criterion that applies
 * to the group, given once, with a value the scoring rule accepts (within its scale, a known
 * option…). Paths are `<prefix>.<i>.criterion` and `<prefix>.<i>.value`.
 */
export function checkValues(
  framework: Framework,
  group: string,
  items: readonly ValueInput[],
  prefix: string,
): { issues: FieldIssue[]; criteria: Criterion[] } {
  const found: FieldIssue[] = [];
  const criteria: Criterion[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const criterion = framework.criteria.find((c) => c.code === item.criterion);
    const at = `${prefix}.${i}`;
    if (!criterion) {
      found.push(issues.unknownCriterion(`${at}.criterion`, item.criterion));
      return;
    }
    criteria.push(criterion);
    if (criterionMax(criterion, group) === null)
      found.push(issues.notForGroup(`${at}.criterion`, item.criterion, group));
    else if (seen.has(item.criterion)) found.push(issues.repeated(`${at}.criterion`, item.criterion));
    else if (item.value !== null) {
      const scored = scoreCriterion(criterion, group, item.value);
      if (!scored.ok)
        found.push(
          fieldIssue(`${at}.value`, scored.error.messageVi, scored.error.messageEn, scored.error.code),
        );
    }
    seen.add(item.criterion);
  });
  return { issues: found, criteria };
}

/** The criteria of the group, in framework order. */
export const groupCriteria = (framework: Framework, group: string): Criterion[] =>
  framework.criteria.filter((c) => criterionMax(c, group) !== null);

/** The unit's own values (tự đánh giá). */
export function selfValues(rows: readonly ValueRow[]): Map<string, StoredValue> {
  return new Map(rows.map((r) => [r.criterionCode, r.selfValue as StoredValue]));
}

/** After appraisal: the adjusted value where an appraiser adjusted it, else the unit's own. */
export function appraisedValue(row: ValueRow): StoredValue {
  return row.appraisalAction === "adjust"
    ? (row.appraisedValue as StoredValue)
    : (row.selfValue as StoredValue);
}

/** The value that counts: the council's where it adjusted, else the appraised one. */
export function finalValue(row: ValueRow): StoredValue {
  return row.councilValue !== null ? (row.councilValue as StoredValue) : appraisedValue(row);
}

export function finalValues(rows: readonly ValueRow[]): Map<string, StoredValue> {
  return new Map(rows.map((r) => [r.criterionCode, finalValue(r)]));
}
