import { formatDateEn, formatDateVi, formatNumberEn, formatNumberVi } from "../format/index.ts";
import type { Text } from "../period/index.ts";
import type { IndicatorKind } from "./types.ts";

/** Shortens what the caller gave so a hostile input cannot flood a message. */
function shown(input: unknown): string {
  const text = String(input);
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

const FIELD_WORDS: Record<string, Text> = {
  target: { vi: "mục tiêu", en: "target" },
  baseline: { vi: "giá trị cơ sở", en: "baseline" },
  value: { vi: "giá trị", en: "value" },
};

/** The field a path names, in words: people read "mục tiêu", not "spec.target". */
function field(path: string): Text {
  const words = FIELD_WORDS[path.split(".").at(-1) ?? ""] ?? { vi: path, en: path };
  const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return { vi: cap(words.vi), en: cap(words.en) };
}

export const planMessages = {
  invalidDate: (path: string, input: unknown): Text => ({
    vi: `Ngày '${shown(input)}' (${path}) không hợp lệ; dùng dạng YYYY-MM-DD`,
    en: `Invalid date '${shown(input)}' (${path}); use YYYY-MM-DD`,
  }),
  deadlineBeforeBaseline: (): Text => ({
    vi: "Hạn hoàn thành không được trước ngày của giá trị cơ sở",
    en: "The deadline must not be before the baseline date",
  }),
  unknownKind: (kind: unknown): Text => ({
    vi: `Loại chỉ tiêu '${shown(kind)}' không hợp lệ`,
    en: `Unknown indicator kind '${shown(kind)}'`,
  }),
  unknownDirection: (direction: unknown): Text => ({
    vi: `Chiều mục tiêu '${shown(direction)}' không hợp lệ; dùng 'up' hoặc 'down'`,
    en: `Unknown direction '${shown(direction)}'; use 'up' or 'down'`,
  }),
  notFinite: (path: string): Text => ({
    vi: `${field(path).vi} phải là số hữu hạn`,
    en: `${field(path).en} must be a finite number`,
  }),
  percentRange: (path: string): Text => ({
    vi: `${field(path).vi} là tỷ lệ, phải từ 0 đến 100`,
    en: `${field(path).en} is a percentage and must be from 0 to 100`,
  }),
  unitTotal: (): Text => ({
    vi: "Chỉ tiêu đếm đơn vị cần tổng số đơn vị là số nguyên dương",
    en: "A unit-count indicator needs a whole, positive unit total",
  }),
  unitRange: (path: string, total: number): Text => ({
    vi: `${field(path).vi} phải là số nguyên từ 0 đến ${total}`,
    en: `${field(path).en} must be a whole number from 0 to ${total}`,
  }),
  milestoneSpec: (): Text => ({
    vi: "Chỉ tiêu dạng mốc phải có chiều 'up', mục tiêu 1 và giá trị cơ sở 0, 1 hoặc trống",
    en: "A milestone needs direction 'up', target 1 and a baseline of 0, 1 or none",
  }),
  milestoneValue: (path: string): Text => ({
    vi: `${field(path).vi} của chỉ tiêu dạng mốc phải là 0 (chưa) hoặc 1 (đã hoàn thành)`,
    en: `${field(path).en} of a milestone must be 0 (not yet) or 1 (reached)`,
  }),
  duplicate: (date: string): Text => ({
    vi: `Có hai giá trị khác nhau cùng ngày ${formatDateVi(date)}`,
    en: `Two different values on the same date ${formatDateEn(date)}`,
  }),
  invalidPeriod: (path: string): Text => ({
    vi: `Mã kỳ ${path} phải là chuỗi`,
    en: `${path} must be a string period id`,
  }),
  invalidOption: (name: string, rule: Text): Text => ({
    vi: `Tùy chọn ${name} không hợp lệ: ${rule.vi}`,
    en: `Invalid option ${name}: ${rule.en}`,
  }),
  invalidStatus: (path: string, status: unknown): Text => ({
    vi: `Trạng thái '${shown(status)}' (${path}) không hợp lệ`,
    en: `Invalid status '${shown(status)}' (${path})`,
  }),
  overrideReason: (): Text => ({
    vi: "Điều chỉnh trạng thái phải nêu lý do",
    en: "A status override needs a reason",
  }),
  overrideAuthor: (): Text => ({
    vi: "Điều chỉnh trạng thái phải ghi người thực hiện",
    en: "A status override needs the person who made it",
  }),
  declarationIncomplete: (field: Text): Text => ({
    vi: `Khai báo trạng thái thiếu ${field.vi}`,
    en: `The status declaration lacks ${field.en}`,
  }),
} as const;

/** The fields a declaration must carry, named for the message. */
export const declarationFields = {
  body: { vi: "cơ quan phụ thuộc", en: "the body it depends on" },
  decision: { vi: "văn bản quyết định", en: "the deciding document" },
  reason: { vi: "lý do", en: "the reason" },
} as const satisfies Record<string, Text>;

/** Up to two decimals, without trailing zeros: 52, 45,8, 83,66. */
function digitsFor(x: number): number {
  for (const d of [0, 1]) {
    const scale = 10 ** d;
    if (Math.abs(Math.round(x * scale) / scale - x) < 1e-9) return d;
  }
  return 2;
}

function number(x: number): Text {
  const d = digitsFor(x);
  return { vi: formatNumberVi(x, d), en: formatNumberEn(x, d) };
}

/** A value of the indicator as the report would write it. */
export function valueText(x: number, kind: IndicatorKind): Text {
  const n = number(x);
  return kind === "percent" ? { vi: `${n.vi}%`, en: `${n.en}%` } : n;
}

/** A share of the way (0.54) as a percent (54%). */
function shareText(share: number): Text {
  const n = number(share * 100);
  return { vi: `${n.vi}%`, en: `${n.en}%` };
}

function dateText(iso: string): Text {
  return { vi: formatDateVi(iso), en: formatDateEn(iso) };
}

/** The change per month still needed, in words that carry its sign. */
function paceText(pace: number, kind: IndicatorKind): Text {
  const n = number(Math.abs(pace));
  const unitVi = kind === "percent" ? " điểm %" : "";
  const unitEn = kind === "percent" ? " percentage points" : "";
  return pace >= 0
    ? { vi: `cần tăng ${n.vi}${unitVi} mỗi tháng`, en: `needs ${n.en}${unitEn} more per month` }
    : { vi: `cần giảm ${n.vi}${unitVi} mỗi tháng`, en: `needs ${n.en}${unitEn} less per month` };
}

/** What the rule-explanation builders need to know. */
export interface ExplanationFacts {
  readonly kind: IndicatorKind;
  readonly asOf: string;
  readonly deadline: string;
  readonly target: number;
  readonly current: number | null;
  readonly progress: number | null;
  readonly expectedProgress: number;
  readonly forecast: number | null;
  readonly requiredPace: number | null;
  readonly daysToDeadline: number;
}

function join(parts: readonly Text[]): Text {
  return { vi: parts.map((p) => p.vi).join("; "), en: parts.map((p) => p.en).join("; ") };
}

/** "đạt 54% chặng đường, theo thời gian cần 60%", or a note that progress is not measurable. */
function progressPart(f: ExplanationFacts): Text {
  const expected = shareText(f.expectedProgress);
  if (f.progress === null) {
    return {
      vi: `chưa tính được tiến độ, thời gian đã qua ${expected.vi}`,
      en: `progress cannot be measured, ${expected.en} of the time elapsed`,
    };
  }
  const done = shareText(f.progress);
  return {
    vi: `đạt ${done.vi} chặng đường, thời gian đã qua ${expected.vi}`,
    en: `${done.en} of the way done, ${expected.en} of the time elapsed`,
  };
}

function forecastPart(f: ExplanationFacts): Text[] {
  if (f.forecast === null) return [];
  const value = valueText(f.forecast, f.kind);
  const by = dateText(f.deadline);
  return [{ vi: `dự báo ${value.vi} vào ${by.vi}`, en: `forecast ${value.en} by ${by.en}` }];
}

function pacePart(f: ExplanationFacts): Text[] {
  return f.requiredPace === null || f.requiredPace === 0 ? [] : [paceText(f.requiredPace, f.kind)];
}

function against(f: ExplanationFacts): Text {
  const cur = valueText(f.current ?? 0, f.kind);
  const tgt = valueText(f.target, f.kind);
  return { vi: `${cur.vi} so với mục tiêu ${tgt.vi}`, en: `${cur.en} against ${tgt.en}` };
}

/** One short sentence per rule, built from the evidence the rule used. */
export const explanations = {
  R1: (f: ExplanationFacts): Text => {
    const d = dateText(f.asOf);
    return { vi: `Chưa có số liệu đến ngày ${d.vi}`, en: `No data up to ${d.en}` };
  },
  R2: (f: ExplanationFacts): Text => {
    if (f.kind === "milestone") return { vi: "Đã hoàn thành", en: "Milestone reached" };
    const a = against(f);
    return { vi: `Đã đạt chỉ tiêu: ${a.vi}`, en: `Target met: ${a.en}` };
  },
  R3: (f: ExplanationFacts): Text => {
    const d = dateText(f.deadline);
    if (f.kind === "milestone") {
      return { vi: `Đã quá hạn ${d.vi} nhưng chưa hoàn thành`, en: `Deadline ${d.en} passed, not reached` };
    }
    const a = against(f);
    return {
      vi: `Đã quá hạn ${d.vi} nhưng chưa đạt: ${a.vi}`,
      en: `Deadline ${d.en} passed, target not met: ${a.en}`,
    };
  },
  R4: (f: ExplanationFacts): Text => {
    const tgt = valueText(f.target, f.kind);
    const parts = join(forecastPart(f));
    return {
      vi: `Theo xu hướng, ${parts.vi} (mục tiêu ${tgt.vi})`,
      en: `On trend: ${parts.en} (target ${tgt.en})`,
    };
  },
  R5: (f: ExplanationFacts): Text => {
    const p = progressPart(f);
    return { vi: `Đúng tiến độ: ${p.vi}`, en: `On pace: ${p.en}` };
  },
  R6: (f: ExplanationFacts): Text => {
    const p = join([progressPart(f), ...forecastPart(f), ...pacePart(f)]);
    return { vi: `Chậm tiến độ: ${p.vi}`, en: `Behind: ${p.en}` };
  },
  M4: (f: ExplanationFacts): Text => {
    const d = dateText(f.deadline);
    return {
      vi: `Chưa hoàn thành, chỉ còn ${f.daysToDeadline} ngày đến hạn ${d.vi}`,
      en: `Not reached, only ${f.daysToDeadline} days left to ${d.en}`,
    };
  },
  M5: (f: ExplanationFacts): Text => {
    const d = dateText(f.deadline);
    return {
      vi: `Chưa hoàn thành, còn ${f.daysToDeadline} ngày đến hạn ${d.vi}`,
      en: `Not reached yet, ${f.daysToDeadline} days left to ${d.en}`,
    };
  },
} as const;
