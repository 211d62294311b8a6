import { FILTERS, type Filter, type Template, type TemplateNode } from "./ast.ts";
import { TemplateError } from "./errors.ts";

/** Longest template text accepted: a report sentence, not a program. */
export const MAX_TEMPLATE_LENGTH = 4000;
/** Deepest nesting of blocks. */
export const MAX_DEPTH = 8;

const NAME = "@?[A-Za-z][A-Za-z0-9_]*";
const VALUE_TAG = new RegExp(`^(${NAME})\\s*(?:\\|\\s*([A-Za-z]+))?$`);
const OPEN_TAG = new RegExp(`^#(if|unless|each)\\s+(${NAME})(.*)$`, "s");
const ATTRIBUTE = /\s*(sep|last)="([^"{}]{0,40})"/y;

type BlockKind = "if" | "unless" | "each";

interface Frame {
  readonly kind: BlockKind | "root";
  readonly name: string;
  readonly position: number;
  readonly attributes: Readonly<Record<string, string>>;
  readonly body: TemplateNode[];
  readonly otherwise: TemplateNode[];
  inElse: boolean;
}

function frame(kind: Frame["kind"], name: string, position: number, attributes = {}): Frame {
  return { kind, name, position, attributes, body: [], otherwise: [], inElse: false };
}

const target = (f: Frame) => (f.inElse ? f.otherwise : f.body);

/** Parses a template; throws TemplateError with the position of the first problem. */
export function parseTemplate(source: string): Template {
  if (source.length > MAX_TEMPLATE_LENGTH) {
    throw new TemplateError(
      "TOO_LONG",
      MAX_TEMPLATE_LENGTH + 1,
      `Mẫu dài quá ${MAX_TEMPLATE_LENGTH} ký tự`,
      `The template is longer than ${MAX_TEMPLATE_LENGTH} characters`,
    );
  }
  const stack: Frame[] = [frame("root", "", 1)];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf("{{", at);
    const textEnd = open === -1 ? source.length : open;
    if (textEnd > at) target(top(stack)).push({ kind: "text", text: source.slice(at, textEnd) });
    if (open === -1) break;
    const close = source.indexOf("}}", open + 2);
    if (close === -1) {
      throw new TemplateError(
        "UNCLOSED_TAG",
        open + 1,
        "Thẻ '{{' chưa được đóng bằng '}}'",
        "'{{' is never closed by '}}'",
      );
    }
    applyTag(stack, source.slice(open + 2, close).trim(), open + 1);
    at = close + 2;
  }
  const unclosed = top(stack);
  if (unclosed.kind !== "root") {
    throw new TemplateError(
      "UNCLOSED_BLOCK",
      unclosed.position,
      `Khối {{#${unclosed.kind}}} chưa được đóng bằng {{/${unclosed.kind}}}`,
      `{{#${unclosed.kind}}} is never closed by {{/${unclosed.kind}}}`,
    );
  }
  return unclosed.body;
}

function top(stack: Frame[]): Frame {
  return stack[stack.length - 1] as Frame;
}

function applyTag(stack: Frame[], tag: string, position: number): void {
  const current = top(stack);
  if (tag === "else") {
    if (current.kind !== "if" && current.kind !== "unless") throw unexpected(tag, position);
    if (current.inElse) throw unexpected(tag, position);
    current.inElse = true;
    return;
  }
  if (tag.startsWith("/")) {
    if (current.kind === "root" || tag.slice(1) !== current.kind) throw unexpected(tag, position);
    stack.pop();
    target(top(stack)).push(closeBlock(current));
    return;
  }
  const opened = OPEN_TAG.exec(tag);
  if (opened) {
    if (stack.length > MAX_DEPTH) {
      throw new TemplateError(
        "TOO_DEEP",
        position,
        `Lồng quá ${MAX_DEPTH} khối`,
        `More than ${MAX_DEPTH} nested blocks`,
      );
    }
    const kind = opened[1] as BlockKind;
    const attributes = parseAttributes(kind, opened[3] ?? "", tag, position);
    stack.push(frame(kind, opened[2] as string, position, attributes));
    return;
  }
  target(current).push(valueNode(tag, position));
}

function closeBlock(f: Frame): TemplateNode {
  if (f.kind === "each") {
    const separator = f.attributes.sep ?? "";
    return {
      kind: "each",
      name: f.name,
      separator,
      lastSeparator: f.attributes.last ?? separator,
      body: f.body,
      position: f.position,
    };
  }
  return {
    kind: "if",
    name: f.name,
    negate: f.kind === "unless",
    body: f.body,
    otherwise: f.otherwise,
    position: f.position,
  };
}

function parseAttributes(
  kind: BlockKind,
  text: string,
  tag: string,
  position: number,
): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (kind !== "each") {
    if (text.trim() !== "") throw badTag(tag, position);
    return attributes;
  }
  ATTRIBUTE.lastIndex = 0;
  let at = 0;
  while (at < text.length && text.slice(at).trim() !== "") {
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(text);
    if (!m || (m[1] as string) in attributes) throw badTag(tag, position);
    attributes[m[1] as string] = m[2] as string;
    at = ATTRIBUTE.lastIndex;
  }
  return attributes;
}

function valueNode(tag: string, position: number): TemplateNode {
  const m = VALUE_TAG.exec(tag);
  if (!m) throw badTag(tag, position);
  const filter = m[2] ?? null;
  if (filter !== null && !FILTERS.includes(filter as Filter)) {
    throw new TemplateError(
      "UNKNOWN_FILTER",
      position,
      `Bộ lọc '${filter}' không tồn tại (dùng: ${FILTERS.join(", ")})`,
      `Unknown filter '${filter}' (use: ${FILTERS.join(", ")})`,
    );
  }
  return { kind: "value", name: m[1] as string, filter: filter as Filter | null, position };
}

/** Quotes a tag for a message, cut short so hostile input cannot flood the error. */
function shown(tag: string): string {
  return tag.length > 40 ? `${tag.slice(0, 40)}…` : tag;
}

function badTag(tag: string, position: number): TemplateError {
  return new TemplateError(
    "BAD_TAG",
    position,
    `Thẻ '{{${shown(tag)}}}' không đúng cú pháp`,
    `Malformed tag '{{${shown(tag)}}}'`,
  );
}

function unexpected(tag: string, position: number): TemplateError {
  return new TemplateError(
    "UNEXPECTED_TAG",
    position,
    `Thẻ '{{${shown(tag)}}}' không khớp với khối đang mở`,
    `'{{${shown(tag)}}}' does not match the open block`,
  );
}
