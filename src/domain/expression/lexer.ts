import { failAt } from "./errors.ts";
import { syntaxMessages as m } from "./messages.ts";

export type OperatorText = "+" | "-" | "*" | "/" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "&&" | "||" | "!";

export type Token =
  | { readonly kind: "number"; readonly value: number; readonly text: string; readonly offset: number }
  | { readonly kind: "ref"; readonly code: string; readonly text: string; readonly offset: number }
  | { readonly kind: "name"; readonly text: string; readonly offset: number }
  | { readonly kind: "op"; readonly op: OperatorText; readonly text: string; readonly offset: number }
  | { readonly kind: "(" | ")" | "," | "end"; readonly text: string; readonly offset: number };

const OPERATORS: readonly OperatorText[] = [
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "!",
];
/** Spellings from spreadsheets and other languages, with what to write instead. */
const MISTAKES: readonly (readonly [string, string])[] = [
  ["<>", "!="],
  ["=", "=="],
  ["&", "&&"],
  ["|", "||"],
];
const NUMBER = /\d+(?:\.\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const REF_CODE = /[A-Za-z0-9_.]*/y;
const WHITESPACE = /\s/;

/** Splits the input into tokens, ending with an `end` token; throws SyntaxFailure. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  while (offset < input.length) {
    if (WHITESPACE.test(input.charAt(offset))) {
      offset++;
      continue;
    }
    const token = readToken(input, offset);
    tokens.push(token);
    offset += token.text.length;
  }
  tokens.push({ kind: "end", text: "", offset: input.length });
  return tokens;
}

function readToken(input: string, offset: number): Token {
  const char = input.charAt(offset);
  if (char >= "0" && char <= "9") return readNumber(input, offset);
  if (char === "#") return readRef(input, offset);
  if (char === "(" || char === ")" || char === ",") return { kind: char, text: char, offset };
  const name = match(NAME, input, offset);
  if (name !== null) return { kind: "name", text: name, offset };
  return readOperator(input, offset);
}

function match(pattern: RegExp, input: string, offset: number): string | null {
  pattern.lastIndex = offset;
  return pattern.exec(input)?.[0] ?? null;
}

function readNumber(input: string, offset: number): Token {
  const text = match(NUMBER, input, offset) ?? "";
  const after = input.charAt(offset + text.length);
  if (after === ".") {
    const junk = /[\d.]*/y;
    throw failAt("BAD_NUMBER", offset, (at) => m.badNumber(match(junk, input, offset) ?? text, at));
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw failAt("NUMBER_TOO_LARGE", offset, m.numberTooLarge);
  return { kind: "number", value, text, offset };
}

function readRef(input: string, offset: number): Token {
  if (input.charAt(offset + 1) !== "{") throw failAt("BAD_REF", offset, m.badRef);
  const code = match(REF_CODE, input, offset + 2) ?? "";
  const closeAt = offset + 2 + code.length;
  const next = input.charAt(closeAt);
  if (next === "}") {
    if (code === "") throw failAt("EMPTY_REF", offset, m.emptyRef);
    return { kind: "ref", code, text: input.slice(offset, closeAt + 1), offset };
  }
  if (next === "") throw failAt("UNCLOSED_REF", closeAt, m.unclosedRef);
  const bad = String.fromCodePoint(input.codePointAt(closeAt) ?? 0);
  throw failAt("BAD_REF", closeAt, (at) => m.badRefChar(bad, at));
}

function readOperator(input: string, offset: number): Token {
  const op = OPERATORS.find((candidate) => input.startsWith(candidate, offset));
  const mistake = MISTAKES.find(([typed]) => input.startsWith(typed, offset));
  if (mistake !== undefined && (op === undefined || mistake[0].length > op.length)) {
    const [typed, meant] = mistake;
    throw failAt("UNEXPECTED_CHAR", offset, (at) => m.useOperator(typed, meant, at));
  }
  if (op !== undefined) return { kind: "op", op, text: op, offset };
  const char = String.fromCodePoint(input.codePointAt(offset) ?? 0);
  throw failAt("UNEXPECTED_CHAR", offset, (at) => m.unexpectedChar(char, at));
}
