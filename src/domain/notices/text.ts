import { formatCountEn, formatCountVi, formatDateEn, formatDateVi } from "../format/index.ts";
import { labelEn, labelVi, parsePeriod } from "../period/index.ts";
import type { Notice, NoticeKind } from "./types.ts";

export type Lang = "vi" | "en";

/** Names shown in a notice, looked up by code (the code itself when unknown). */
export interface NoticeNames {
  form(code: string, lang: Lang): string;
  unit(code: string, lang: Lang): string;
}

export interface NoticeText {
  title: string;
  body: string;
}

interface Words {
  form: string;
  period: string;
  unit: string;
  units: string;
  count: string;
  due: string;
  days: string;
  reason: string;
}

type Template = (w: Words) => NoticeText;

/** Mẫu thông báo. The words of each kind, in Vietnamese and English. */
const templates: Record<Lang, Record<NoticeKind, Template>> = {
  vi: {
    form_open: (w) => ({
      title: `Mở kỳ báo cáo: ${w.form} ${w.period}`,
      body: `${w.unit} có thể gửi báo cáo ${w.form} kỳ ${w.period}; hạn nộp ${w.due}.`,
    }),
    due_soon: (w) => ({
      title: `Còn ${w.days} ngày đến hạn: ${w.form} ${w.period}`,
      body: `Báo cáo ${w.form} kỳ ${w.period} của ${w.unit} đến hạn ngày ${w.due}.`,
    }),
    due_today: (w) => ({
      title: `Hôm nay đến hạn: ${w.form} ${w.period}`,
      body: `Hôm nay (${w.due}) là hạn nộp báo cáo ${w.form} kỳ ${w.period} của ${w.unit}.`,
    }),
    overdue: (w) => ({
      title: `Quá hạn: ${w.form} ${w.period}`,
      body: `Báo cáo ${w.form} kỳ ${w.period} của ${w.unit} đã quá hạn (hạn nộp ${w.due}); đề nghị gửi ngay.`,
    }),
    escalation: (w) => ({
      title: `Đơn vị quá hạn ${w.days} ngày: ${w.form} ${w.period}`,
      body: `${w.count} đơn vị chưa gửi báo cáo ${w.form} kỳ ${w.period} (hạn ${w.due}): ${w.units}.`,
    }),
    escalation_province: (w) => ({
      title: `Toàn tỉnh: đơn vị quá hạn ${w.days} ngày: ${w.form} ${w.period}`,
      body: `${w.count} đơn vị chưa gửi báo cáo ${w.form} kỳ ${w.period} (hạn ${w.due}): ${w.units}.`,
    }),
    approvals_waiting: (w) => ({
      title: `${w.count} báo cáo chờ phê duyệt`,
      body: `Có ${w.count} báo cáo đang chờ anh/chị phê duyệt: ${w.units}.`,
    }),
    returned: (w) => ({
      title: `Báo cáo bị trả lại: ${w.form} ${w.period}`,
      body: `Báo cáo ${w.form} kỳ ${w.period} của ${w.unit} bị trả lại. Lý do: ${w.reason}`,
    }),
    reminder: (w) => ({
      title: `Nhắc gửi báo cáo: ${w.form} ${w.period}`,
      body: `${w.reason} nhắc ${w.unit} gửi báo cáo ${w.form} kỳ ${w.period} (hạn nộp ${w.due}).`,
    }),
  },
  en: {
    form_open: (w) => ({
      title: `Reporting open: ${w.form} ${w.period}`,
      body: `${w.unit} may now send its ${w.form} report for ${w.period}; due ${w.due}.`,
    }),
    due_soon: (w) => ({
      title: `Due in ${w.days} day(s): ${w.form} ${w.period}`,
      body: `The ${w.form} report for ${w.period} of ${w.unit} is due on ${w.due}.`,
    }),
    due_today: (w) => ({
      title: `Due today: ${w.form} ${w.period}`,
      body: `Today (${w.due}) the ${w.form} report for ${w.period} of ${w.unit} is due.`,
    }),
    overdue: (w) => ({
      title: `Overdue: ${w.form} ${w.period}`,
      body: `The ${w.form} report for ${w.period} of ${w.unit} is overdue (due ${w.due}); please send it now.`,
    }),
    escalation: (w) => ({
      title: `Units ${w.days} day(s) overdue: ${w.form} ${w.period}`,
      body: `${w.count} unit(s) have not sent the ${w.form} report for ${w.period} (due ${w.due}): ${w.units}.`,
    }),
    escalation_province: (w) => ({
      title: `Province: units ${w.days} day(s) overdue: ${w.form} ${w.period}`,
      body: `${w.count} unit(s) have not sent the ${w.form} report for ${w.period} (due ${w.due}): ${w.units}.`,
    }),
    approvals_waiting: (w) => ({
      title: `${w.count} report(s) waiting for approval`,
      body: `${w.count} report(s) are waiting for your decision: ${w.units}.`,
    }),
    returned: (w) => ({
      title: `Report returned: ${w.form} ${w.period}`,
      body: `The ${w.form} report for ${w.period} of ${w.unit} was returned. Reason: ${w.reason}`,
    }),
    reminder: (w) => ({
      title: `Please send your report: ${w.form} ${w.period}`,
      body: `${w.reason} reminds ${w.unit} to send the ${w.form} report for ${w.period} (due ${w.due}).`,
    }),
  },
};

/** The title and body of a notice in one language. */
export function noticeText(n: Notice, names: NoticeNames, lang: Lang): NoticeText {
  const period = n.period ? parsePeriod(n.period) : null;
  const count = n.kind === "approvals_waiting" ? n.count : n.units.length;
  const words: Words = {
    form: n.form ? names.form(n.form, lang) : "",
    period: period ? (lang === "vi" ? labelVi(period) : labelEn(period)) : "",
    unit: n.unit ? names.unit(n.unit, lang) : "",
    units: n.units.map((u) => names.unit(u, lang)).join(", "),
    count: lang === "vi" ? formatCountVi(count) : formatCountEn(count),
    due: n.dueDate ? (lang === "vi" ? formatDateVi(n.dueDate) : formatDateEn(n.dueDate)) : "",
    days: n.step,
    reason: n.reason ?? "",
  };
  return templates[lang][n.kind](words);
}
