import { formatNumberVi } from "../../domain/format/index.ts";
import { labelVi, parsePeriod } from "../../domain/period/index.ts";
import type { NewUnit } from "../../units/service.ts";
import { seededRandom } from "./random.ts";
import type { Values } from "./values.ts";

/**
 * Phần thuyết minh of each demo report, written from a few templates filled with the unit's
 * own figures and picked per unit and month, so no two neighbours read the same. Keys are the
 * form's standard sections: results, difficulties, proposals.
 */
export type Narrative = Record<"results" | "difficulties" | "proposals", string>;

type Sentence = (v: Values) => string | null;
const n = (v: Values, code: string) => formatNumberVi(v[code] ?? 0);
/** A sentence about a figure the unit reports; nothing when it left the figure blank or zero. */
const when =
  (code: string, text: Sentence): Sentence =>
  (v) =>
    v[code] ? text(v) : null;

const openers = ["Đến hết {month}, ", "Tính đến cuối {month}, ", "Lũy kế đến hết {month}, "];

const mainResult: Record<string, Sentence> = {
  department: (v) =>
    `đơn vị cung cấp ${n(v, "DVC_FULL")} dịch vụ công trực tuyến toàn trình và ${n(v, "DVC_PARTIAL")} dịch vụ ` +
    `công trực tuyến một phần trên tổng số ${n(v, "PROCEDURES_TOTAL")} thủ tục hành chính.`,
  district: (v) =>
    `Tổng đài 1022 đã chuyển đến địa phương ${n(v, "FEEDBACK_RECEIVED")} ý kiến phản ánh, đã trả lời ` +
    `${n(v, "FEEDBACK_ANSWERED")} ý kiến; trên địa bàn có ${n(v, "SMARTPHONE_SUBSCRIBERS")} thuê bao điện thoại thông minh.`,
  commune: (v) =>
    `${n(v, "HAMLETS_WITH_TEAM")}/${n(v, "HAMLETS_TOTAL")} khóm, ấp đã thành lập Tổ công nghệ số cộng đồng; ` +
    `các tổ đã tổ chức ${n(v, "SUPPORT_ACTIVITIES")} hoạt động hỗ trợ, tiếp cận ${n(v, "CITIZEN_CONTACTS")} lượt người dân.`,
};

const extraResults: Sentence[] = [
  when(
    "LGSP_CONNECTED",
    (v) =>
      `Nền tảng LGSP của tỉnh đã kết nối ${n(v, "LGSP_CONNECTED")}/${n(v, "LGSP_TOTAL")} hệ thống thông tin quốc gia.`,
  ),
  when("BTS_STATIONS", (v) => `Toàn tỉnh có ${n(v, "BTS_STATIONS")} trạm thu, phát sóng di động.`),
  when("DEVICES_MONITORED", (v) => `Có ${n(v, "DEVICES_MONITORED")} thiết bị được giám sát mã độc.`),
  when(
    "YOUTH_DX_MEMBERS",
    (v) => `Tổ Thanh niên chuyển đổi số cộng đồng có ${n(v, "YOUTH_DX_MEMBERS")} đoàn viên.`,
  ),
  when(
    "DX_TRAININGS_HELD",
    (v) => `Trong tháng tổ chức ${n(v, "DX_TRAININGS_HELD")} lớp tập huấn kỹ năng số.`,
  ),
  when(
    "DOCUMENTS_ISSUED",
    (v) => `Ban hành ${n(v, "DOCUMENTS_ISSUED")} văn bản chỉ đạo, điều hành về chuyển đổi số.`,
  ),
];

const commonDifficulties = [
  "Hệ thống thư điện tử công vụ chưa tích hợp với hệ thống quản lý văn bản và điều hành, cần được nâng cấp.",
  "Kinh phí cho chuyển đổi số còn hạn chế; trang thiết bị tin học của một số bộ phận đã xuống cấp.",
  "Một bộ phận người dân, nhất là người cao tuổi, còn ngại sử dụng dịch vụ công trực tuyến.",
];

const difficulties: Record<string, string[]> = {
  department: [
    ...commonDifficulties,
    "Nhiều thủ tục có thành phần hồ sơ phức tạp, khó cung cấp trực tuyến toàn trình.",
    "Dữ liệu chuyên ngành chưa được chuẩn hóa để kết nối, chia sẻ qua nền tảng LGSP.",
  ],
  locality: [
    ...commonDifficulties,
    "Cấp xã chưa có công chức chuyên trách công nghệ thông tin, cán bộ phải kiêm nhiệm.",
    "Lộ trình tắt sóng 2G còn chậm nên việc vận động người dân dùng điện thoại thông minh gặp khó khăn.",
    "Tổ công nghệ số cộng đồng chưa có kinh phí hoạt động thường xuyên.",
  ],
};

const trainingProposal =
  "Đề nghị Sở Thông tin và Truyền thông tiếp tục mở lớp tập huấn kỹ năng số cho cán bộ, công chức.";
const commonProposals = [
  "Đề nghị Ủy ban nhân dân tỉnh bố trí kinh phí đầu tư trang thiết bị phục vụ chuyển đổi số.",
  "Đề nghị nâng cấp hệ thống thư điện tử công vụ để tích hợp với hệ thống quản lý văn bản và điều hành.",
];

const proposals: Record<string, string[]> = {
  department: [
    ...commonProposals,
    trainingProposal,
    "Đề nghị các bộ, ngành trung ương sớm hướng dẫn chuẩn hóa và kết nối cơ sở dữ liệu chuyên ngành.",
  ],
  provinceWide: [
    ...commonProposals,
    "Đề nghị Bộ Thông tin và Truyền thông hướng dẫn phương pháp tính tỷ trọng kinh tế số trong GRDP.",
  ],
  locality: [
    ...commonProposals,
    trainingProposal,
    "Đề nghị bổ sung biên chế hoặc hợp đồng chuyên trách công nghệ thông tin cho cấp xã.",
    "Đề nghị các doanh nghiệp viễn thông đẩy nhanh lộ trình tắt sóng 2G, hỗ trợ người dân chuyển sang điện thoại thông minh.",
    "Đề nghị ban hành chính sách hỗ trợ hoạt động của Tổ công nghệ số cộng đồng.",
  ],
};

/** A stable number from a unit code and a period, to seed that report's choices. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

/** `count` different items of the pool, in the pool's order. */
function pick<T>(pool: readonly T[], count: number, random: () => number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, pool.length)) chosen.add(Math.floor(random() * pool.length));
  return [...chosen].sort((a, b) => a - b).map((i) => pool[i] as T);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function demoNarrative(
  unit: NewUnit,
  period: string,
  values: Values,
  provinceWide: boolean,
): Narrative {
  const random = seededRandom(seedOf(`${unit.code}/${period}`));
  const group = unit.groupCode ?? "commune";
  const month = labelVi(parsePeriod(period)).toLowerCase();
  const opener = (openers[Math.floor(random() * openers.length)] ?? "").replace("{month}", month);
  const main = mainResult[group]?.(values) ?? "";
  const extras = pick(
    extraResults.map((s) => s(values)).filter((s): s is string => s !== null),
    2,
    random,
  );
  const kind = group === "department" ? "department" : "locality";
  return {
    results: [capitalise(opener + main), ...extras].join(" "),
    difficulties: pick(difficulties[kind] ?? [], 1 + Math.floor(random() * 2), random).join(" "),
    proposals: pick(
      proposals[provinceWide ? "provinceWide" : kind] ?? [],
      1 + Math.floor(random() * 2),
      random,
    ).join(" "),
  };
}
