export { reformMessages } from "./messages.ts";
export { planReform, treeAfter } from "./plan.ts";
export type {
  PlannedClose,
  PlannedMove,
  PlannedOpen,
  Predecessor,
  ReformPlan,
  ReformProblem,
  ReformRow,
  SuccessionKind,
  TreeNode,
} from "./types.ts";
