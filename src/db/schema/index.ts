export * from "./audit.ts";
export * from "./reporting.ts";
export * from "./units.ts";
export * from "./users.ts";
