import type { Text } from "../period/index.ts";

export const aggregationMessages = {
  duplicate: (unitId: number, period: string): Text => ({
    vi: `Có hơn một giá trị cho đơn vị ${unitId}, kỳ ${period}`,
    en: `More than one value for unit ${unitId}, period ${period}`,
  }),
  invalidValue: (unitId: number, period: string): Text => ({
    vi: `Giá trị của đơn vị ${unitId}, kỳ ${period} không phải là số hữu hạn`,
    en: `The value for unit ${unitId}, period ${period} is not a finite number`,
  }),
  invalidUnit: (unitId: unknown): Text => ({
    vi: `Mã đơn vị '${String(unitId)}' không hợp lệ`,
    en: `Invalid unit id '${String(unitId)}'`,
  }),
  startMismatch: (period: string, given: string, expected: string): Text => ({
    vi: `Ngày bắt đầu ${given} không khớp kỳ ${period} (phải là ${expected})`,
    en: `Start date ${given} does not match period ${period} (expected ${expected})`,
  }),
  negativeWeight: (unitId: number, period: string): Text => ({
    vi: `Trọng số của đơn vị ${unitId}, kỳ ${period} không được âm`,
    en: `The weight for unit ${unitId}, period ${period} must not be negative`,
  }),
  weightsOnlyForAverage: (type: string): Text => ({
    vi: `Trọng số chỉ dùng cho cách tổng hợp trung bình, không dùng cho '${type}'`,
    en: `Weights apply to the average aggregation only, not to '${type}'`,
  }),
  unknownType: (type: string): Text => ({
    vi: `Cách tổng hợp '${type}' không dùng được trên bản ghi`,
    en: `Aggregation '${type}' cannot be applied to records`,
  }),
} as const;
