/** A unit in force on the day before a reform: its code, its parent's code and its level. */
export interface TreeNode {
  code: string;
  parentCode: string | null;
  level: number;
}

/** A predecessor of a new unit: it gives the new unit all of itself (`whole`) or a part. */
export interface Predecessor {
  code: string;
  part: boolean;
}

/** One row of a reform file: a unit that opens on `date`, or a unit abolished on it. */
export type ReformRow =
  | {
      row: number;
      action: "open";
      code: string;
      parentCode: string | null;
      predecessors: Predecessor[];
      date: string;
    }
  | { row: number; action: "abolish"; code: string; date: string };

/** The stored kind of a succession: a part is `split`; a whole is `merge` or `rename`. */
export type SuccessionKind = "merge" | "split" | "rename";

export interface PlannedOpen {
  row: number;
  code: string;
  parentCode: string | null;
  level: number;
  predecessors: (Predecessor & { kind: SuccessionKind })[];
}

export interface PlannedClose {
  code: string;
  /** The row that closes it: the first naming it as a predecessor, or its abolish row. */
  row: number;
  /** The new units that take it over (none for an abolished unit). */
  successors: Predecessor[];
  /** Where its children go: its whole successor, or (abolished) its parent's heir. */
  heir: string | null;
  abolished: boolean;
}

export interface PlannedMove {
  code: string;
  fromParent: string | null;
  toParent: string | null;
  fromLevel: number;
  level: number;
}

export interface ReformProblem {
  row: number;
  field: string;
  vi: string;
  en: string;
}

/**
 * What a reform does on `date`. Opens and moves are in the order to write them (parents first:
 * by level); closes come after, once their children have left.
 */
export interface ReformPlan {
  date: string | null;
  opens: PlannedOpen[];
  closes: PlannedClose[];
  moves: PlannedMove[];
  problems: ReformProblem[];
}
