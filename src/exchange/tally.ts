import { formatNumber } from "../domain/format/index.ts";
import type { AppError } from "../errors/app-error.ts";
import type { SaveResult } from "../submissions/schema.ts";
import type { DataValueIn, ImportSummary } from "./schema.ts";

/** A data value on its way in: its reported index (position or CSV line) and its report. */
export interface Entry {
  index: number;
  value: DataValueIn;
  unit: string;
  period: string;
}

/** Conflicts and rejected indexes listed in a summary; beyond, they are only counted. */
export const MAX_LISTED = 1_000;

/**
 * Counts and conflicts of one import, as DHIS2's import summary reports them. Memory stays
 * bounded: the first MAX_LISTED conflicts and rejected indexes are kept, the rest counted.
 */
export class Tally {
  imported = 0;
  updated = 0;
  deleted = 0;
  unchanged = 0;
  readonly conflicts: ImportSummary["conflicts"] = [];
  conflictCount = 0;
  /** Rejected indexes of the current batch (a value refused twice counts once). */
  private readonly rejected = new Set<number>();
  private readonly listedRejected: number[] = [];
  rejectedCount = 0;

  private conflict(c: ImportSummary["conflicts"][number]): void {
    this.conflictCount++;
    if (this.conflicts.length < MAX_LISTED) this.conflicts.push(c);
  }

  reject(entry: Entry, property: string, vi: string, en: string, object = entry.value.dataElement): void {
    this.conflict({ object, property, value: vi, value_en: en, index: entry.index });
    this.rejected.add(entry.index);
  }

  /** Ends a batch: its rejected values are counted, the first ones listed. */
  settle(): void {
    this.rejectedCount += this.rejected.size;
    for (const i of this.rejected) if (this.listedRejected.length < MAX_LISTED) this.listedRejected.push(i);
    this.rejected.clear();
  }

  /** Turns a refused save into conflicts: `values.N.*` names one value, anything else all of them. */
  rejectFrom(error: AppError, entries: readonly Entry[]): Set<Entry> {
    const hit = new Set<Entry>();
    for (const d of error.details) {
      const match = /^values\.(\d+)\.(\w+)$/.exec(d.path);
      const one = match ? entries[Number(match[1])] : undefined;
      const targets = one ? [one] : entries;
      const property = match ? (match[2] === "metric" ? "dataElement" : (match[2] ?? "value")) : d.path;
      for (const e of targets) {
        this.reject(
          e,
          property,
          d.message,
          d.message_en,
          property === "period" ? e.period : one ? undefined : e.unit,
        );
        hit.add(e);
      }
    }
    if (error.details.length === 0) {
      for (const e of entries) {
        this.reject(e, error.code, error.messageVi, error.messageEn, e.unit);
        hit.add(e);
      }
    }
    return hit;
  }

  /** A report saved but not completed: a conflict without an index, the values stay. */
  failCompletion(error: AppError, unit: string, period: string): void {
    const details = error.details.length
      ? error.details
      : [{ path: `${unit}/${period}`, message: error.messageVi, message_en: error.messageEn }];
    for (const d of details) {
      this.conflict({
        object: d.path,
        property: "completeDate",
        value: d.message,
        value_en: d.message_en,
      });
    }
  }

  count(result: Pick<SaveResult, "counts">): void {
    this.imported += result.counts.imported;
    this.updated += result.counts.updated;
    this.deleted += result.counts.deleted;
    this.unchanged += result.counts.unchanged;
  }

  summary(total: number, atomic: boolean, dryRun: boolean): ImportSummary {
    this.settle();
    const refused = this.conflictCount > 0 && atomic;
    const status =
      this.conflictCount === 0 ? "SUCCESS" : refused || this.rejectedCount === total ? "ERROR" : "WARNING";
    const counts = refused
      ? { imported: 0, updated: 0, deleted: 0, ignored: total }
      : {
          imported: this.imported,
          updated: this.updated,
          deleted: this.deleted,
          ignored: this.unchanged + this.rejectedCount,
        };
    const n = formatNumber(this.conflictCount, 0, "vi");
    const conflicts = conflictWords(this.conflictCount);
    const [vi, en] =
      status === "SUCCESS"
        ? ["Nhập dữ liệu thành công", "Import process completed successfully"]
        : status === "WARNING"
          ? [`Đã nhập, có ${n} lỗi`, `Imported with ${conflicts}`]
          : [`Không nhập dữ liệu: có ${n} lỗi`, `Nothing imported: ${conflicts}`];
    return {
      status,
      description: dryRun ? `(Chạy thử) ${vi}` : vi,
      description_en: dryRun ? `(Dry run) ${en}` : en,
      dryRun,
      importCount: counts,
      conflicts: [...this.conflicts].sort(
        (a, b) => (a.index ?? Number.MAX_SAFE_INTEGER) - (b.index ?? Number.MAX_SAFE_INTEGER),
      ),
      conflictCount: this.conflictCount,
      rejectedIndexes: [...this.listedRejected].sort((a, b) => a - b),
    };
  }
}

/** "1 conflict", "1,000,000 conflicts". */
const conflictWords = (count: number) =>
  count === 1 ? "1 conflict" : `${formatNumber(count, 0, "en")} conflicts`;
