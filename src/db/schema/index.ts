export * from "./assessments.ts";
export * from "./audit.ts";
export * from "./jobs.ts";
export * from "./plans.ts";
export * from "./reporting.ts";
export * from "./reports.ts";
export * from "./units.ts";
export * from "./users.ts";
