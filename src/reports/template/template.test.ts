import { describe, expect, it } from "vitest";
import type { TemplateRecord, VarSpec } from "./ast.ts";
import { checkTemplate } from "./check.ts";
import { TemplateError } from "./errors.ts";
import { MAX_DEPTH, MAX_TEMPLATE_LENGTH, parseTemplate } from "./parse.ts";
import { lowerFirst, MAX_OUTPUT_LENGTH, renderTemplate } from "./render.ts";

const spec: VarSpec = {
  name: "text",
  period: "text",
  count: "number",
  value: "number",
  flag: "flag",
  items: { list: { name: "text", sample: "flag", units: { list: { name: "text" } } } },
};

function run(source: string, context: TemplateRecord, lang: "vi" | "en" = "vi"): string {
  const template = parseTemplate(source);
  checkTemplate(template, spec);
  return renderTemplate(template, context, lang);
}

function failure(source: string): { code: string; position: number; vi: string; en: string } {
  try {
    checkTemplate(parseTemplate(source), spec);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { code: error.code, position: error.position, vi: error.messageVi, en: error.messageEn };
  }
  throw new Error(`no error for ${source}`);
}

const base = { name: "Đồng Tháp", period: "Tháng 9/2023", count: 1, value: 1205780, flag: false, items: [] };

describe("placeholders", () => {
  it("fills text and formats numbers per language", () => {
    expect(run("{{name}}: {{value}} thuê bao", base)).toBe("Đồng Tháp: 1.205.780 thuê bao");
    expect(run("{{value}}", base, "en")).toBe("1,205,780");
    expect(run("{{value}}", { ...base, value: 83.66 })).toBe("83,66");
  });

  it("prints counts in the official two-digit style with |count", () => {
    expect(run("{{count|count}} chỉ tiêu", base)).toBe("01 chỉ tiêu");
    expect(run("{{count|count}} indicator", base, "en")).toBe("1 indicator");
    expect(run("{{count}}/7", { ...base, count: 5 })).toBe("5/7");
  });

  it("upper-cases and lower-cases the first letter", () => {
    expect(run("{{name|upper}}", { ...base, name: "UBND tỉnh Đồng Tháp" })).toBe("UBND TỈNH ĐỒNG THÁP");
    expect(run("đến hết {{period|lcfirst}}", base)).toBe("đến hết tháng 9/2023");
    expect(lowerFirst("Quý III/2023")).toBe("quý III/2023");
    expect(lowerFirst("LGSP của tỉnh")).toBe("LGSP của tỉnh");
    expect(lowerFirst("6 tháng đầu năm 2023")).toBe("6 tháng đầu năm 2023");
  });

  it("prints a value containing tags literally, never as a template", () => {
    expect(run("{{name}}", { ...base, name: "{{count}} <b>*x*</b>" })).toBe("{{count}} <b>*x*</b>");
  });

  it("prints null text as nothing", () => {
    expect(run("[{{name}}]", { ...base, name: null })).toBe("[]");
  });
});

describe("conditions", () => {
  it("leaves out a clause about zero, an empty text, false or an empty list", () => {
    const t =
      "A{{#if count}}; {{count|count}} B{{/if}}{{#if name}} C{{/if}}{{#if flag}} D{{/if}}{{#if items}} E{{/if}}.";
    expect(run(t, { ...base, count: 0, name: "" })).toBe("A.");
    expect(run(t, { ...base, count: 2, flag: true, items: [{ name: "x", sample: false, units: [] }] })).toBe(
      "A; 02 B C D E.",
    );
  });

  it("takes the else branch and supports unless", () => {
    expect(run("{{#if flag}}có{{else}}không{{/if}}", base)).toBe("không");
    expect(run("{{#unless flag}}chưa{{else}}rồi{{/unless}}", { ...base, flag: true })).toBe("rồi");
  });
});

describe("lists", () => {
  const items = ["A", "B", "C"].map((name, i) => ({ name, sample: i === 1, units: [] }));

  it("joins items with sep and last, and knows @index, @first, @last", () => {
    expect(run('({{#each items sep=", " last=" và "}}“{{name}}”{{/each}})', { ...base, items })).toBe(
      "(“A”, “B” và “C”)",
    );
    expect(run('{{#each items sep=" và "}}{{name}}{{/each}}', { ...base, items: items.slice(0, 2) })).toBe(
      "A và B",
    );
    expect(
      run("{{#each items}}{{@index}}.{{name}}{{#if @last}}!{{/if}}{{#if @first}}^{{/if}} {{/each}}", {
        ...base,
        items,
      }),
    ).toBe("1.A^ 2.B 3.C! ");
  });

  it("sees the item's fields first and the outer variables behind them, in nested lists", () => {
    const nested = [{ name: "Bộ", sample: true, units: [{ name: "X" }, { name: "Y" }] }];
    expect(
      run(
        '{{#each items}}{{name}}{{#if sample}} (mẫu){{/if}} [{{#each units sep="; "}}{{name}}@{{period}}{{/each}}]{{/each}}',
        {
          ...base,
          items: nested,
        },
      ),
    ).toBe("Bộ (mẫu) [X@Tháng 9/2023; Y@Tháng 9/2023]");
  });

  it("renders nothing for an empty list", () => {
    expect(run("[{{#each items}}x{{/each}}]", base)).toBe("[]");
  });
});

describe("syntax errors say where", () => {
  it.each([
    ["Hoàn thành {{done", "UNCLOSED_TAG", 12],
    ["A {{#if flag}} B", "UNCLOSED_BLOCK", 3],
    ["{{#if flag}}x{{/each}}", "UNEXPECTED_TAG", 14],
    ["x{{/if}}", "UNEXPECTED_TAG", 2],
    ["x{{else}}y", "UNEXPECTED_TAG", 2],
    ["{{#if flag}}a{{else}}b{{else}}c{{/if}}", "UNEXPECTED_TAG", 23],
    ["{{ name + 1 }}", "BAD_TAG", 1],
    ["{{#if flag extra}}{{/if}}", "BAD_TAG", 1],
    ['{{#each items sep=", " sep=";"}}{{/each}}', "BAD_TAG", 1],
    ['{{#each items join=","}}{{/each}}', "BAD_TAG", 1],
    ["{{name|eval}}", "UNKNOWN_FILTER", 1],
  ])("%s → %s at %i", (source, code, position) => {
    expect(failure(source)).toMatchObject({ code, position });
  });

  it("gives the message in Vietnamese and English", () => {
    expect(failure("Hoàn thành {{done")).toEqual({
      code: "UNCLOSED_TAG",
      position: 12,
      vi: "Thẻ '{{' chưa được đóng bằng '}}' (vị trí 12)",
      en: "'{{' is never closed by '}}' (position 12)",
    });
  });
});

describe("only known variables, each used as what it is", () => {
  it.each([
    ["{{done}}/{{total}}", "UNKNOWN_NAME", 1],
    ["ok {{constructor}}", "UNKNOWN_NAME", 4],
    ["{{__proto__}}", "BAD_TAG", 1],
    ["{{toString}}", "UNKNOWN_NAME", 1],
    ["{{@index}}", "UNKNOWN_NAME", 1],
    ["{{items}}", "NOT_PRINTABLE", 1],
    ["{{flag}}", "NOT_PRINTABLE", 1],
    ["{{#each name}}x{{/each}}", "NOT_A_LIST", 1],
    ["{{name|count}}", "FILTER_MISMATCH", 1],
    ["{{count|upper}}", "FILTER_MISMATCH", 1],
    ["{{#each items}}{{units}}{{/each}}", "NOT_PRINTABLE", 16],
  ])("%s → %s at %i", (source, code, position) => {
    expect(failure(source)).toMatchObject({ code, position });
  });

  it("lists the known variables in the message", () => {
    expect(failure("{{done}}").en).toBe(
      "Unknown variable 'done' (known: name, period, count, value, flag, items) (position 1)",
    );
  });
});

describe("hostile input is bounded", () => {
  it("refuses a template longer than the limit", () => {
    expect(failure("x".repeat(MAX_TEMPLATE_LENGTH + 1))).toMatchObject({ code: "TOO_LONG" });
    expect(() => parseTemplate("x".repeat(MAX_TEMPLATE_LENGTH))).not.toThrow();
  });

  it("refuses nesting deeper than the limit", () => {
    const deep = (n: number) => "{{#if flag}}".repeat(n) + "{{/if}}".repeat(n);
    expect(() => parseTemplate(deep(MAX_DEPTH))).not.toThrow();
    expect(failure(deep(MAX_DEPTH + 1))).toMatchObject({ code: "TOO_DEEP" });
  });

  it("parses pathological text quickly", () => {
    const started = performance.now();
    for (const s of [
      "{{".repeat(1999),
      `${"{{#each items".padEnd(3990, " ")}}}`,
      `{{${"a".repeat(3990)}}}`,
    ]) {
      expect(failure(s).code).toMatch(/^(UNCLOSED_TAG|UNCLOSED_BLOCK|UNKNOWN_NAME)$/);
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("stops an output that grows past the limit", () => {
    const units = Array.from({ length: 1000 }, () => ({ name: "x".repeat(100) }));
    const items = Array.from({ length: 5 }, () => ({ name: "n", sample: false, units }));
    expect(() => run("{{#each items}}{{#each units}}{{name}}{{/each}}{{/each}}", { ...base, items })).toThrow(
      `longer than ${MAX_OUTPUT_LENGTH}`,
    );
  });
});
