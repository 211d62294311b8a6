import { describe, expect, it } from "vitest";
import { checkRule } from "./check.ts";
import { parsed, values } from "./test-helpers.ts";

const rule = parsed("#{ANSWERED} <= #{RECEIVED}");

describe("checkRule", () => {
  it("passes and fails when every value is present, whatever the strategy", () => {
    for (const strategy of ["skip_if_any_missing", "skip_if_all_missing", "never_skip"] as const) {
      expect(checkRule(rule, values({ ANSWERED: 5, RECEIVED: 7 }), strategy)).toBe("pass");
      expect(checkRule(rule, values({ ANSWERED: 8, RECEIVED: 7 }), strategy)).toBe("fail");
    }
  });

  it("skip_if_any_missing skips when one value is missing", () => {
    expect(checkRule(rule, values({ ANSWERED: 5 }), "skip_if_any_missing")).toBe("skipped");
    expect(checkRule(rule, values({}), "skip_if_any_missing")).toBe("skipped");
  });

  it("skip_if_all_missing skips only when all are missing, else counts missing as 0", () => {
    expect(checkRule(rule, values({}), "skip_if_all_missing")).toBe("skipped");
    expect(checkRule(rule, values({ ANSWERED: 5 }), "skip_if_all_missing")).toBe("fail");
    expect(checkRule(rule, values({ RECEIVED: 5 }), "skip_if_all_missing")).toBe("pass");
  });

  it("never_skip counts missing values as 0", () => {
    expect(checkRule(rule, values({}), "never_skip")).toBe("pass");
    expect(checkRule(rule, values({ ANSWERED: 1 }), "never_skip")).toBe("fail");
    expect(checkRule(parsed("#{A} > 0"), values({}), "never_skip")).toBe("fail");
  });

  it("skips a rule that cannot be evaluated", () => {
    const ratio = parsed("#{A} / #{B} <= 1");
    expect(checkRule(ratio, values({ A: 1, B: 0 }), "never_skip")).toBe("skipped");
    expect(checkRule(ratio, values({ A: 1 }), "skip_if_all_missing")).toBe("skipped");
  });

  it("lets isNull express 'required when another is reported'", () => {
    const required = parsed("isNull(#{RECEIVED}) || isNotNull(#{ANSWERED})");
    expect(checkRule(required, values({}), "never_skip")).toBe("pass");
    expect(checkRule(required, values({ RECEIVED: 3 }), "never_skip")).toBe("fail");
    expect(checkRule(required, values({ RECEIVED: 3, ANSWERED: 0 }), "never_skip")).toBe("pass");
  });

  it("reads a numeric result as pass when not zero", () => {
    expect(checkRule(parsed("#{A}"), values({ A: 2 }), "skip_if_any_missing")).toBe("pass");
    expect(checkRule(parsed("#{A}"), values({ A: 0 }), "skip_if_any_missing")).toBe("fail");
  });

  it("checks a rule without metric references", () => {
    expect(checkRule(parsed("1 < 2"), values({}), "skip_if_all_missing")).toBe("pass");
    expect(checkRule(parsed("1 > 2"), values({}), "skip_if_any_missing")).toBe("fail");
  });
});
