import { formatDateVi, formatNumberVi } from "../../domain/format/index.ts";
import type { ScoringMethod } from "../../domain/index-scoring/index.ts";
import { escapeMarkdown as e } from "../../reports/render/markdown.ts";
import type { RankingView } from "../ranking-view.ts";
import type { ScorecardCriterion, ScorecardView } from "../scorecard-view.ts";
import type { StoredValue } from "../types.ts";
import { cellText, differenceText, groupHeading, rankingColumns, statusLine } from "./columns.ts";

const row = (cells: readonly string[]) => `| ${cells.map((c) => e(c).replace(/\n/g, " ")).join(" | ")} |`;
const rule = (n: number, numeric: (i: number) => boolean = () => false) =>
  `|${Array.from({ length: n }, (_, i) => (numeric(i) ? "---:" : "---")).join("|")}|`;

/** Bảng xếp hạng as Markdown: one table per group, for the terminal and the web. */
export function rankingMarkdown(view: RankingView): string {
  const h = view.assessment;
  const lines = [
    `# ${e(h.nameVi)}`,
    "",
    `**${e(h.code)}** · ${e(h.frameworkNameVi)} (${e(h.framework)})  `,
    `*${e(statusLine(h))}*`,
    "",
  ];
  for (const g of view.groups) {
    const columns = rankingColumns(g, h.previous !== null);
    lines.push(
      `## ${e(groupHeading(g))}`,
      "",
      row(columns.map((c) => c.header)),
      rule(columns.length, (i) => columns[i]?.digits !== undefined),
      ...g.rows.map((r) => row(columns.map((c) => cellText(c, r)))),
      "",
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** A stored value in words: Có/Không, the option's label, "3/4", or the number. */
export function valueText(method: ScoringMethod, value: StoredValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (typeof value === "number") return formatNumberVi(value, Number.isInteger(value) ? 0 : 2);
  if (typeof value === "object") return `${formatNumberVi(value.a, 0)}/${formatNumberVi(value.b, 0)}`;
  const option = method.kind === "tiers" ? method.options.find((o) => o.code === value) : undefined;
  return option?.labelVi ?? value;
}

const points = (n: number) => formatNumberVi(n, 2);

export function reasonOf(c: ScorecardCriterion): string {
  return [c.appraisal?.reason, c.council?.reason ? `Hội đồng: ${c.council.reason}` : null]
    .filter(Boolean)
    .join("; ");
}

/** "QĐ 12/QĐ-UBND ngày 05/03/2022: Kiện toàn BCĐ; tep.pdf" */
export function evidenceText(c: ScorecardCriterion): string {
  return c.evidence
    .map((ev) =>
      [
        ev.documentNumber ? `Số ${ev.documentNumber}` : null,
        ev.documentDate ? `ngày ${formatDateVi(ev.documentDate)}` : null,
        ev.summary,
        ev.url,
        ev.file?.name,
      ]
        .filter(Boolean)
        .join(", "),
    )
    .join("; ");
}

/** Phiếu kết quả as Markdown: criteria with self-assessed and appraised points side by side. */
export function scorecardMarkdown(view: ScorecardView): string {
  const h = view.assessment;
  const u = view.unit;
  const header = [
    "Mã",
    "Tiêu chí",
    "Tối đa",
    "Tự đánh giá",
    "Điểm tự đánh giá",
    "Thẩm định",
    "Điểm thẩm định",
    "Chênh lệch",
    "Lý do",
    "Tài liệu kiểm chứng",
  ];
  const lines = [
    `# ${e(u.nameVi)} — ${e(h.nameVi)}`,
    "",
    `**${e(u.groupNameVi)}** · ${e(h.code)}${view.rank !== null ? ` · Hạng ${view.rank}` : ""}  `,
    `Tổng điểm: tự đánh giá ${points(view.total.self)}, thẩm định ${points(view.total.appraised)} / ${formatNumberVi(view.total.maxPoints)}; ` +
      `chỉ số ${formatNumberVi(view.index.appraised, 4)}  `,
    `*${e(statusLine(h))}*`,
    "",
    row(header),
    rule(header.length, (i) => [2, 4, 6, 7].includes(i)),
    ...view.criteria.map((c) =>
      row([
        c.code,
        c.nameVi,
        formatNumberVi(c.maxPoints),
        valueText(c.method, c.self.value),
        points(c.self.points),
        valueText(c.method, c.appraised.value),
        points(c.appraised.points),
        c.difference === 0 ? "" : differenceText(c.difference),
        reasonOf(c),
        evidenceText(c),
      ]),
    ),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
