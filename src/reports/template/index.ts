export type { ContextOf, Template, TemplateRecord, VarKind, VarSpec } from "./ast.ts";
export { checkTemplate } from "./check.ts";
export { TemplateError, type TemplateErrorCode } from "./errors.ts";
export { MAX_TEMPLATE_LENGTH, parseTemplate } from "./parse.ts";
export { renderTemplate } from "./render.ts";
