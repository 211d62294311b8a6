/**
 * The report template language (mẫu văn bản báo cáo): text with `{{name}}` placeholders,
 * `{{name|filter}}`, `{{#if name}}…{{else}}…{{/if}}`, `{{#unless name}}…{{/unless}}` and
 * `{{#each list sep=", " last=" và "}}…{{/each}}`. No expressions, no calls, no includes:
 * a template can only print the values it is given, so rendering is linear and safe.
 */
export type Filter = "count" | "upper" | "lcfirst";
export const FILTERS: readonly Filter[] = ["count", "upper", "lcfirst"];

/** Loop variables, defined only inside `{{#each}}`: @index is 1-based. */
export const LOOP_NAMES = ["@first", "@last", "@index"] as const;

export type TemplateNode =
  | { readonly kind: "text"; readonly text: string }
  | {
      readonly kind: "value";
      readonly name: string;
      readonly filter: Filter | null;
      readonly position: number;
    }
  | {
      readonly kind: "if";
      readonly name: string;
      readonly negate: boolean;
      readonly body: readonly TemplateNode[];
      readonly otherwise: readonly TemplateNode[];
      readonly position: number;
    }
  | {
      readonly kind: "each";
      readonly name: string;
      readonly separator: string;
      readonly lastSeparator: string;
      readonly body: readonly TemplateNode[];
      readonly position: number;
    };

export type Template = readonly TemplateNode[];

/** What a variable holds: printable text or number, a flag for conditions, or a list of records. */
export type VarKind = "text" | "number" | "flag" | { readonly list: VarSpec };
export type VarSpec = { readonly [name: string]: VarKind };

export type TemplateValue = string | number | boolean | null | readonly TemplateRecord[];
export interface TemplateRecord {
  readonly [name: string]: TemplateValue;
}

type ValueOfKind<K> = K extends "text"
  ? string | null
  : K extends "number"
    ? number
    : K extends "flag"
      ? boolean
      : K extends { readonly list: infer S }
        ? readonly ContextOf<S>[]
        : never;

/** The context a template with this spec is rendered with, as a TypeScript type. */
export type ContextOf<S> = { readonly [N in keyof S]: ValueOfKind<S[N]> };
