import { type Filter, LOOP_NAMES, type Template, type VarKind, type VarSpec } from "./ast.ts";
import { TemplateError } from "./errors.ts";

const LOOP_SPEC: VarSpec = { "@first": "flag", "@last": "flag", "@index": "number" };

/** What each filter applies to. */
const FILTER_INPUT: Record<Filter, "text" | "number"> = { count: "number", upper: "text", lcfirst: "text" };

/**
 * Checks that a parsed template uses only the variables of its spec, each as what it is:
 * text and numbers printed, lists looped over, anything tested by `#if`. Throws TemplateError.
 */
export function checkTemplate(template: Template, spec: VarSpec): void {
  checkNodes(template, [spec]);
}

function checkNodes(nodes: Template, scopes: readonly VarSpec[]): void {
  for (const node of nodes) {
    if (node.kind === "text") continue;
    const kind = lookup(scopes, node.name, node.position);
    if (node.kind === "value") {
      checkPrintable(kind, node.name, node.filter, node.position);
    } else if (node.kind === "if") {
      checkNodes(node.body, scopes);
      checkNodes(node.otherwise, scopes);
    } else {
      if (typeof kind !== "object") {
        throw new TemplateError(
          "NOT_A_LIST",
          node.position,
          `'${node.name}' không phải danh sách, không dùng được với #each`,
          `'${node.name}' is not a list and cannot be used with #each`,
        );
      }
      checkNodes(node.body, [...scopes, kind.list, LOOP_SPEC]);
    }
  }
}

/** Innermost scope first, so a loop item's field hides an outer variable of the same name. */
function lookup(scopes: readonly VarSpec[], name: string, position: number): VarKind {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i] as VarSpec;
    if (Object.hasOwn(scope, name)) return scope[name] as VarKind;
  }
  const known = [...new Set(scopes.flatMap((s) => Object.keys(s)))].filter(
    (n) => !(LOOP_NAMES as readonly string[]).includes(n),
  );
  throw new TemplateError(
    "UNKNOWN_NAME",
    position,
    `Biến '${name}' không có trong mẫu này (có: ${known.join(", ")})`,
    `Unknown variable '${name}' (known: ${known.join(", ")})`,
  );
}

function checkPrintable(kind: VarKind, name: string, filter: Filter | null, position: number): void {
  if (kind !== "text" && kind !== "number") {
    throw new TemplateError(
      "NOT_PRINTABLE",
      position,
      `'${name}' là ${kind === "flag" ? "điều kiện" : "danh sách"}, chỉ dùng được trong #if hoặc #each`,
      `'${name}' is a ${kind === "flag" ? "condition" : "list"}; use it in #if or #each`,
    );
  }
  if (filter !== null && FILTER_INPUT[filter] !== kind) {
    throw new TemplateError(
      "FILTER_MISMATCH",
      position,
      `Bộ lọc '${filter}' chỉ dùng cho ${FILTER_INPUT[filter] === "number" ? "số" : "văn bản"}`,
      `The filter '${filter}' applies to ${FILTER_INPUT[filter] === "number" ? "numbers" : "text"} only`,
    );
  }
}
