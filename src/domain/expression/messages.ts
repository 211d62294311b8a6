import { FUNCTION_NAMES, FUNCTIONS, type FunctionName } from "./functions.ts";

/** A message in both languages. */
export interface Text {
  readonly vi: string;
  readonly en: string;
}

function arity(fn: FunctionName): Text {
  const { min, max } = FUNCTIONS[fn];
  if (min === max) return { vi: `${min}`, en: `${min}` };
  if (max === Number.POSITIVE_INFINITY) return { vi: `ít nhất ${min}`, en: `at least ${min}` };
  return { vi: `${min} hoặc ${max}`, en: `${min} or ${max}` };
}

/** Messages of syntax errors; `at` is the 1-based position shown to the user. */
export const syntaxMessages = {
  empty: (): Text => ({ vi: "Biểu thức trống", en: "The expression is empty" }),
  tooLong: (max: number): Text => ({
    vi: `Biểu thức quá dài (tối đa ${max} ký tự)`,
    en: `The expression is too long (at most ${max} characters)`,
  }),
  tooDeep: (at: number, max: number): Text => ({
    vi: `Biểu thức lồng quá sâu tại vị trí ${at} (tối đa ${max} cấp)`,
    en: `The expression is nested too deeply at position ${at} (at most ${max} levels)`,
  }),
  unexpectedChar: (char: string, at: number): Text => ({
    vi: `Ký tự không hợp lệ '${char}' tại vị trí ${at}`,
    en: `Invalid character '${char}' at position ${at}`,
  }),
  useOperator: (typed: string, meant: string, at: number): Text => ({
    vi: `Dùng '${meant}' thay cho '${typed}' tại vị trí ${at}`,
    en: `Use '${meant}' instead of '${typed}' at position ${at}`,
  }),
  badNumber: (text: string, at: number): Text => ({
    vi: `Số không hợp lệ '${text}' tại vị trí ${at}`,
    en: `Invalid number '${text}' at position ${at}`,
  }),
  numberTooLarge: (at: number): Text => ({
    vi: `Số quá lớn tại vị trí ${at}`,
    en: `Number too large at position ${at}`,
  }),
  badRef: (at: number): Text => ({
    vi: `Tham chiếu chỉ số phải có dạng #{MÃ} tại vị trí ${at}`,
    en: `A metric reference must look like #{CODE} at position ${at}`,
  }),
  emptyRef: (at: number): Text => ({
    vi: `Thiếu mã chỉ số trong #{} tại vị trí ${at}`,
    en: `Missing metric code in #{} at position ${at}`,
  }),
  badRefChar: (char: string, at: number): Text => ({
    vi: `Ký tự '${char}' không được dùng trong mã chỉ số tại vị trí ${at}; mã chỉ gồm chữ cái không dấu, chữ số, '_' và '.'`,
    en: `Character '${char}' is not allowed in a metric code at position ${at}; use letters A–Z, digits, '_' and '.'`,
  }),
  unclosedRef: (at: number): Text => ({
    vi: `Thiếu dấu '}' tại vị trí ${at}`,
    en: `Missing '}' at position ${at}`,
  }),
  missingParen: (at: number): Text => ({
    vi: `Thiếu dấu ')' tại vị trí ${at}`,
    en: `Missing ')' at position ${at}`,
  }),
  extraParen: (at: number): Text => ({
    vi: `Thừa dấu ')' tại vị trí ${at}`,
    en: `Unmatched ')' at position ${at}`,
  }),
  unexpectedToken: (token: string, at: number): Text => ({
    vi: `Không mong đợi '${token}' tại vị trí ${at}`,
    en: `Unexpected '${token}' at position ${at}`,
  }),
  unexpectedEnd: (at: number): Text => ({
    vi: `Biểu thức kết thúc đột ngột tại vị trí ${at}: thiếu một giá trị`,
    en: `Unexpected end of expression at position ${at}: a value is missing`,
  }),
  bareName: (name: string, at: number): Text => ({
    vi: `Tên '${name}' không hợp lệ tại vị trí ${at}; tham chiếu chỉ số viết là #{${name}}`,
    en: `Unknown name '${name}' at position ${at}; write a metric reference as #{${name}}`,
  }),
  unknownFunction: (name: string, at: number): Text => ({
    vi: `Không có hàm '${name}' (tại vị trí ${at}); các hàm: ${FUNCTION_NAMES.join(", ")}`,
    en: `No function '${name}' (at position ${at}); functions: ${FUNCTION_NAMES.join(", ")}`,
  }),
  wrongArity: (fn: FunctionName, given: number, at: number): Text => ({
    vi: `Hàm ${fn} cần ${arity(fn).vi} đối số, nhận ${given} (tại vị trí ${at})`,
    en: `Function ${fn} takes ${arity(fn).en} argument(s), got ${given} (at position ${at})`,
  }),
  chainedComparison: (op: string, at: number): Text => ({
    vi: `Không so sánh nối tiếp được: '${op}' tại vị trí ${at}; dùng '&&' để nối hai phép so sánh`,
    en: `Comparisons cannot be chained: '${op}' at position ${at}; join two comparisons with '&&'`,
  }),
} as const;
