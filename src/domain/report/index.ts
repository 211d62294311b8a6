export * from "./values.ts";
export * from "./write-rules.ts";
