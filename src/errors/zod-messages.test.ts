import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodIssuesToFieldIssues } from "../http/zod-validation.ts";

/** The field issues a schema gives for an input, as the API answers them. */
function issues(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error("expected a failure");
  return zodIssuesToFieldIssues(result.error.issues, "body").map(({ path, message, message_en }) => ({
    path,
    message,
    message_en,
  }));
}

describe("validation messages in our words", () => {
  it("lists every allowed value of a choice, in both languages", () => {
    expect(issues(z.object({ format: z.enum(["md", "docx", "pdf", "xlsx"]) }), { format: "odt" })).toEqual([
      {
        path: "body.format",
        message: "Phải là một trong: md, docx, pdf, xlsx",
        message_en: "Must be one of: md, docx, pdf, xlsx",
      },
    ]);
  });

  it("says what a field must be, with its bounds in each language's number format", () => {
    const schema = z.object({
      value: z.number().min(10_000),
      share: z.number().lt(0.5),
      name: z.string().min(1),
      code: z.string().max(20),
      items: z.array(z.string()).min(2),
      count: z.number().int(),
      missing: z.string(),
    });
    const input = { value: 5, share: 0.7, name: "", code: "x".repeat(21), items: ["a"], count: 1.5 };
    expect(issues(schema, input)).toEqual([
      { path: "body.value", message: "Phải lớn hơn hoặc bằng 10.000", message_en: "Must be at least 10,000" },
      { path: "body.share", message: "Phải nhỏ hơn 0,5", message_en: "Must be less than 0.5" },
      { path: "body.name", message: "Không được để trống", message_en: "Must not be empty" },
      {
        path: "body.code",
        message: "Chỉ được có tối đa 20 ký tự",
        message_en: "Must have at most 20 characters",
      },
      { path: "body.items", message: "Phải có ít nhất 2 phần tử", message_en: "Must have at least 2 items" },
      {
        path: "body.count",
        message: "Phải là một số nguyên, nhận được một số thập phân",
        message_en: "Must be a whole number, got a decimal number",
      },
      { path: "body.missing", message: "Thiếu giá trị bắt buộc", message_en: "A value is required" },
    ]);
  });

  it("names a wrong type, a bad format and fields that are not allowed", () => {
    const schema = z.strictObject({ n: z.number(), mail: z.email() });
    expect(issues(schema, { n: "3", mail: "x", extra: 1 })).toEqual([
      {
        path: "body.n",
        message: "Phải là một số, nhận được một chuỗi ký tự",
        message_en: "Must be a number, got text",
      },
      { path: "body.mail", message: "Địa chỉ e-mail không hợp lệ", message_en: "Not a valid e-mail address" },
      { path: "body", message: "Trường không được phép: extra", message_en: "Fields not allowed: extra" },
    ]);
  });

  it("keeps a schema's own vi|en message", () => {
    const schema = z.object({ reason: z.string().min(1, "Phải nêu lý do|A reason is required") });
    expect(issues(schema, { reason: "" })).toEqual([
      { path: "body.reason", message: "Phải nêu lý do", message_en: "A reason is required" },
    ]);
  });
});
