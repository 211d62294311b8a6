export {
  attachIssues,
  type FormDef,
  type Issue,
  planSetup,
  type SetupAction,
  type SetupPlan,
  type SetupRow,
  type SetupState,
  type SetupSummary,
  same,
  summariseSetup,
  type VersionDef,
} from "./plan.ts";
