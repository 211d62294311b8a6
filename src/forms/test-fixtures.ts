import { testActor } from "../../test/harness.ts";
import type { Conn } from "../db/client.ts";
import type { MetricInput } from "../metrics/schema.ts";
import { createMetrics } from "../metrics/service.ts";
import type { FormInput } from "./schema.ts";
import { createForm } from "./service.ts";

/** Metrics of a small commune report, one of each value type. */
export const fixtureMetrics: MetricInput[] = [
  { code: "RECEIVED", nameVi: "Số hồ sơ tiếp nhận", valueType: "integer", aggregation: "sum", minValue: 0 },
  {
    code: "ANSWERED",
    nameVi: "Số hồ sơ đã giải quyết",
    valueType: "integer",
    aggregation: "sum",
    minValue: 0,
  },
  { code: "ONLINE_RATE", nameVi: "Tỷ lệ hồ sơ trực tuyến", valueType: "percent", aggregation: "average" },
  { code: "HAS_PORTAL", nameVi: "Có cổng thông tin điện tử", valueType: "boolean", aggregation: "last" },
  { code: "NOTE", nameVi: "Ghi chú", valueType: "text", aggregation: "none" },
  {
    code: "ANSWER_RATE",
    nameVi: "Tỷ lệ giải quyết",
    valueType: "percent",
    aggregation: "formula",
    formula: "#{ANSWERED} / #{RECEIVED} * 100",
  },
];

/** A monthly commune form: due 5 days after the month, locked 30 days later. */
export const fixtureForm: FormInput = {
  code: "CDS_XA",
  nameVi: "Báo cáo chuyển đổi số cấp xã",
  nameEn: "Commune digital transformation report",
  periodType: "month",
  dueRule: { kind: "days_after_end", days: 5 },
  lockAfterDays: 30,
  metrics: [
    { code: "RECEIVED", required: true },
    { code: "ANSWERED", required: true },
    { code: "ONLINE_RATE", required: false },
    { code: "HAS_PORTAL", required: false },
    { code: "NOTE", required: false },
  ],
  unitCodes: ["C11", "C12", "C21"],
  openFrom: "202301",
  rules: [
    {
      code: "ANSWERED_LE_RECEIVED",
      expression: "#{ANSWERED} <= #{RECEIVED}",
      severity: "error",
      messageVi: "Số hồ sơ đã giải quyết không được vượt số tiếp nhận",
      messageEn: "Answered cannot exceed received",
    },
    {
      code: "ONLINE_RATE_PLAUSIBLE",
      expression: "#{ONLINE_RATE} <= 95",
      severity: "warning",
      messageVi: "Tỷ lệ trực tuyến trên 95% là bất thường",
      messageEn: "An online rate above 95% is unusual",
    },
  ],
};

export async function seedReporting(db: Conn, form: Partial<FormInput> = {}): Promise<void> {
  await createMetrics(db, testActor, fixtureMetrics);
  await createForm(db, testActor, { ...fixtureForm, ...form });
}
