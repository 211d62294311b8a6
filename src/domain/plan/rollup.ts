import { PlanError } from "./errors.ts";
import { planMessages } from "./messages.ts";
import { FINAL_STATUSES, type FinalStatus, type StatusCounts } from "./types.ts";

/** One indicator as the roll-up sees it. */
export interface PillarStatus {
  /** trụ cột, e.g. "Chính quyền số". */
  readonly pillar: string;
  readonly status: FinalStatus;
}

export interface PillarCounts {
  readonly pillar: string;
  readonly counts: StatusCounts;
}

export interface RollUp {
  readonly pillars: readonly PillarCounts[];
  readonly total: StatusCounts;
}

type MutableCounts = { -readonly [K in keyof StatusCounts]: StatusCounts[K] };

function emptyCounts(): MutableCounts {
  return { total: 0, done: 0, likely: 0, at_risk: 0, dependent: 0, discontinued: 0, no_data: 0 };
}

function add(counts: MutableCounts, status: FinalStatus, path: string): void {
  // Statuses arrive from storage: an unknown one must fail loudly, not vanish from the total.
  if (!FINAL_STATUSES.includes(status)) {
    throw new PlanError("INVALID_STATUS", path, planMessages.invalidStatus(path, status));
  }
  counts[status] += 1;
  counts.total += 1;
}

/** How many indicators have each status; `total` counts them all. Throws INVALID_STATUS. */
export function countByStatus(statuses: readonly FinalStatus[]): StatusCounts {
  const counts = emptyCounts();
  statuses.forEach((s, i) => {
    add(counts, s, `statuses.${i}`);
  });
  return counts;
}

/**
 * Counts per pillar and in total, as in the report's table. Pillars come in `pillarOrder`
 * (listed pillars appear even when empty), then any others in order of first appearance.
 */
export function rollUp(indicators: readonly PillarStatus[], pillarOrder: readonly string[] = []): RollUp {
  const byPillar = new Map<string, MutableCounts>();
  for (const pillar of pillarOrder) {
    if (!byPillar.has(pillar)) byPillar.set(pillar, emptyCounts());
  }
  const total = emptyCounts();
  indicators.forEach((indicator, i) => {
    const path = `indicators.${i}.status`;
    add(total, indicator.status, path);
    const counts = byPillar.get(indicator.pillar) ?? emptyCounts();
    byPillar.set(indicator.pillar, counts);
    add(counts, indicator.status, path);
  });
  return { pillars: [...byPillar].map(([pillar, counts]) => ({ pillar, counts })), total };
}
