import { describe, expect, it } from "vitest";
import { resolveStatus, validateOverride } from "./resolve.ts";
import { computeStatus } from "./status.ts";
import { day, expectPlanError, obs, UP } from "./test-helpers.ts";
import type { DeclaredStatus, StatusOverride } from "./types.ts";

const done = computeStatus(UP, [obs(60, 100)], day(60));
const atRisk = computeStatus(UP, [obs(60, 10)], day(60));

const override: StatusOverride = {
  status: "likely",
  reason: "Hợp đồng nâng cấp đã ký, hệ thống chạy từ tháng 11",
  by: "nguyen.van.a",
  at: "2023-10-05T08:00:00+07:00",
};
const dependent: DeclaredStatus = {
  kind: "dependent",
  body: "Bộ Nông nghiệp và Phát triển nông thôn",
  reason: "Chờ Bộ chính thức vận hành nền tảng",
};
const discontinued: DeclaredStatus = {
  kind: "discontinued",
  decision: "Kế hoạch điều chỉnh số 12/KH-UBND",
  reason: "Không còn phù hợp",
};

describe("resolveStatus", () => {
  it("without declaration or override, reports the computed status", () => {
    const r = resolveStatus(atRisk);
    expect(r).toEqual({ status: "at_risk", source: "computed", overridden: false, computed: atRisk });
    expect(resolveStatus(atRisk, null, null)).toEqual(r);
  });

  it("an override with a reason replaces the status and keeps the computed one beside it", () => {
    const r = resolveStatus(atRisk, undefined, override);
    expect(r).toEqual({
      status: "likely",
      source: "override",
      overridden: true,
      reason: override.reason,
      override,
      computed: atRisk,
    });
    expect(r.computed.status).toBe("at_risk");
  });

  it("an override may also lower a computed status", () => {
    expect(resolveStatus(done, null, { ...override, status: "at_risk" })).toMatchObject({
      status: "at_risk",
      overridden: true,
    });
  });

  it("a dependent declaration wins over the computation, even over done", () => {
    const r = resolveStatus(done, dependent);
    expect(r).toMatchObject({
      status: "dependent",
      source: "declared",
      overridden: false,
      declared: dependent,
    });
    expect(r.reason).toBe(dependent.reason);
    expect(r.computed.status).toBe("done");
  });

  it("a discontinued declaration wins over computation and override; the override is kept", () => {
    const r = resolveStatus(atRisk, discontinued, override);
    expect(r).toEqual({
      status: "discontinued",
      source: "declared",
      overridden: false,
      reason: discontinued.reason,
      declared: discontinued,
      override,
      computed: atRisk,
    });
  });

  it("a declaration wins over no_data too", () => {
    const none = computeStatus(UP, [], day(60));
    expect(resolveStatus(none, dependent).status).toBe("dependent");
  });
});

describe("override and declaration checks", () => {
  it("rejects an override without a reason", () => {
    const error = expectPlanError(
      () => resolveStatus(atRisk, null, { ...override, reason: "" }),
      "OVERRIDE_REASON_REQUIRED",
      "override.reason",
    );
    expect(error.messageVi).toBe("Điều chỉnh trạng thái phải nêu lý do");
    expect(error.messageEn).toBe("A status override needs a reason");
  });

  it("rejects a reason of spaces only", () => {
    expectPlanError(() => validateOverride({ ...override, reason: "  \n " }), "OVERRIDE_REASON_REQUIRED");
  });

  it("rejects an override reason that is not a string (stored JSON)", () => {
    const bad = { ...override, reason: null } as unknown as StatusOverride;
    expectPlanError(() => validateOverride(bad), "OVERRIDE_REASON_REQUIRED");
  });

  it("rejects an override without its author", () => {
    expectPlanError(
      () => validateOverride({ ...override, by: " " }),
      "OVERRIDE_AUTHOR_REQUIRED",
      "override.by",
    );
  });

  it("rejects an override to a status the data cannot reach", () => {
    const bad = { ...override, status: "dependent" } as unknown as StatusOverride;
    expectPlanError(() => validateOverride(bad), "INVALID_STATUS", "override.status");
  });

  it("rejects a bad override even when a declaration wins", () => {
    expectPlanError(
      () => resolveStatus(atRisk, dependent, { ...override, reason: "" }),
      "OVERRIDE_REASON_REQUIRED",
    );
  });

  it("rejects a dependent declaration without the body", () => {
    expectPlanError(
      () => resolveStatus(atRisk, { ...dependent, body: "" }),
      "DECLARATION_INCOMPLETE",
      "declared.body",
    );
  });

  it("rejects a discontinued declaration without the decision or the reason", () => {
    expectPlanError(
      () => resolveStatus(atRisk, { ...discontinued, decision: " " }),
      "DECLARATION_INCOMPLETE",
      "declared.decision",
    );
    expectPlanError(
      () => resolveStatus(atRisk, { ...discontinued, reason: "" }),
      "DECLARATION_INCOMPLETE",
      "declared.reason",
    );
  });

  it("rejects an unknown declaration kind", () => {
    const bad = { kind: "paused", reason: "x" } as unknown as DeclaredStatus;
    expectPlanError(() => resolveStatus(atRisk, bad), "INVALID_STATUS", "declared.kind");
  });
});
