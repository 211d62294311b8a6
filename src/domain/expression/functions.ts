/** The functions an expression may call, with how many arguments each takes. */
export const FUNCTIONS = {
  if: { min: 3, max: 3 },
  isNull: { min: 1, max: 1 },
  isNotNull: { min: 1, max: 1 },
  min: { min: 1, max: Number.POSITIVE_INFINITY },
  max: { min: 1, max: Number.POSITIVE_INFINITY },
  abs: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
  coalesce: { min: 1, max: Number.POSITIVE_INFINITY },
} as const satisfies Record<string, { min: number; max: number }>;

export type FunctionName = keyof typeof FUNCTIONS;

export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

const BY_LOWER_NAME = new Map(FUNCTION_NAMES.map((name) => [name.toLowerCase(), name]));

/** The canonical name of a function, matched without regard to case; undefined if unknown. */
export function lookupFunction(name: string): FunctionName | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}
