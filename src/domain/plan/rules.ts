import type { Text } from "../period/index.ts";
import type { ComputedStatus, RuleId } from "./types.ts";

/** One of the ordered status rules, for showing "which rule decided" beside a status. */
export interface StatusRule {
  readonly id: RuleId;
  /** Which indicators the rule is tried on. */
  readonly appliesTo: "all" | "trend" | "milestone";
  readonly status: ComputedStatus;
  readonly when: Text;
}

/**
 * The rules in the order they are tried; the first that matches decides. Milestones have no
 * trend, so after R3 they take M4–M5 instead of R4–R6. Keep in step with README.md.
 */
export const STATUS_RULES: readonly StatusRule[] = [
  {
    id: "R1",
    appliesTo: "all",
    status: "no_data",
    when: { vi: "Không có số liệu đến ngày xét", en: "No observation at or before the as-of date" },
  },
  {
    id: "R2",
    appliesTo: "all",
    status: "done",
    when: { vi: "Giá trị hiện tại đạt mục tiêu", en: "The current value meets the target" },
  },
  {
    id: "R3",
    appliesTo: "all",
    status: "at_risk",
    when: { vi: "Đã quá hạn mà chưa đạt", en: "The deadline has passed, target not met" },
  },
  {
    id: "M4",
    appliesTo: "milestone",
    status: "at_risk",
    when: { vi: "Mốc chưa đạt và sắp đến hạn", en: "Milestone not reached and the deadline is near" },
  },
  {
    id: "M5",
    appliesTo: "milestone",
    status: "likely",
    when: { vi: "Mốc chưa đạt, còn đủ thời gian", en: "Milestone not reached, time remains" },
  },
  {
    id: "R4",
    appliesTo: "trend",
    status: "likely",
    when: { vi: "Dự báo theo xu hướng đạt mục tiêu", en: "The trend's forecast meets the target" },
  },
  {
    id: "R5",
    appliesTo: "trend",
    status: "likely",
    when: { vi: "Tiến độ theo kịp thời gian", en: "Progress keeps pace with the time elapsed" },
  },
  {
    id: "R6",
    appliesTo: "trend",
    status: "at_risk",
    when: { vi: "Chậm tiến độ", en: "Behind pace" },
  },
];

const STATUS_BY_RULE: ReadonlyMap<RuleId, ComputedStatus> = new Map(
  STATUS_RULES.map((r) => [r.id, r.status]),
);

/** The status a rule gives; the table above is the single source. */
export function ruleStatus(id: RuleId): ComputedStatus {
  const status = STATUS_BY_RULE.get(id);
  // Every RuleId has a row; reaching this means the table and the type drifted apart.
  if (status === undefined) throw new Error(`No status rule ${id}`);
  return status;
}
