import type { TemplateKey } from "./keys.ts";

const named = (list: string) =>
  `{{#each ${list} sep=", " last=" và "}}“{{name}}”{{#if sample}} (mẫu){{/if}}{{/each}}`;

/** The Vietnamese wording shipped with chiso; an admin's saved version replaces a key. */
export const defaultVi: Record<TemplateKey, string> = {
  "header.parentBody": "UBND {{parent|upper}}",
  "header.number": "Số: …/BC-{{abbrev}}",
  "header.nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "header.motto": "Độc lập - Tự do - Hạnh phúc",
  "header.placeDate": "{{place}}, {{date}}",
  "title.kind": "BÁO CÁO",
  "title.subject": "Kết quả thực hiện {{planName}} đến hết {{period|lcfirst}}",
  "plan.shortName": "Kế hoạch CĐS năm {{year}}",
  opening:
    "Thực hiện {{planName}}{{#if planDocument}} ({{planDocument}}){{/if}} của {{planIssuer}}, " +
    "{{reporter}} báo cáo kết quả thực hiện đến hết {{period|lcfirst}} như sau:",
  "section.results": "KẾT QUẢ THỰC HIỆN",
  "reporting.summary":
    "{{#if expected}}Số liệu được tổng hợp từ {{approved}}/{{expected}} báo cáo {{period|lcfirst}} " +
    "của các cơ quan, đơn vị đã được phê duyệt{{#if late}}, trong đó {{late|count}} báo cáo nộp trễ hạn{{/if}}" +
    "{{#if missing}}; còn {{missing|count}} cơ quan, đơn vị chưa có báo cáo được phê duyệt{{/if}}." +
    "{{else}}Chưa có cơ quan, đơn vị nào phải báo cáo {{period|lcfirst}}.{{/if}}",
  "plan.summary":
    "Đến hết {{period|lcfirst}}, đã hoàn thành {{done}}/{{total}} chỉ tiêu theo {{planShortName}}" +
    "{{#if likely}}; {{likely|count}} chỉ tiêu có khả năng hoàn thành{{/if}}" +
    "{{#if atRisk}}; {{atRisk|count}} chỉ tiêu khó hoàn thành{{/if}}" +
    "{{#if dependent}}; {{dependent|count}} chỉ tiêu phụ thuộc vào cơ quan khác{{/if}}" +
    "{{#if discontinued}}; {{discontinued|count}} chỉ tiêu không tiếp tục đánh giá{{/if}}" +
    "{{#if noData}}; {{noData|count}} chỉ tiêu chưa có số liệu{{/if}}.",
  "pillar.heading": "Về {{pillar|lcfirst}}",
  "pillar.summary":
    "{{#if total}}Hoàn thành {{done}}/{{total}} chỉ tiêu theo {{planShortName}}" +
    `{{#if likely}}; {{likely|count}} chỉ tiêu có khả năng hoàn thành{{#if likelyItems}} (${named("likelyItems")}){{/if}}{{/if}}` +
    "{{#if atRisk}}; {{atRisk|count}} chỉ tiêu khó hoàn thành{{#if atRiskItems}} (" +
    '{{#each atRiskItems sep="; "}}“{{name}}”{{#if sample}} (mẫu){{/if}}{{#if reason}} do {{reason|lcfirst}}{{/if}}{{/each}}' +
    "){{/if}}{{/if}}" +
    '{{#if dependent}}; {{dependent|count}} chỉ tiêu phụ thuộc {{#each dependentGroups sep="; "}}' +
    `{{#if body}}vào {{body}} {{/if}}(${named("items")}){{/each}}{{/if}}` +
    "{{#if discontinued}}; {{discontinued|count}} chỉ tiêu không tiếp tục đánh giá{{#if discontinuedItems}} (" +
    '{{#each discontinuedItems sep=", " last=" và "}}“{{name}}”{{#if sample}} (mẫu){{/if}}{{#if decision}} theo {{decision}}{{/if}}{{/each}}' +
    "){{/if}}{{/if}}" +
    `{{#if noData}}; {{noData|count}} chỉ tiêu chưa có số liệu{{#if noDataItems}} (${named("noDataItems")}){{/if}}{{/if}}.{{/if}}`,
  "pillar.figures": "Số liệu chủ yếu đến hết {{period|lcfirst}}:",
  "figure.item":
    "{{label}}: {{value}}{{#if whole}}/{{whole}}{{/if}}{{#if unit}} {{unit}}{{/if}}{{#if share}} (chiếm {{share}}){{/if}}" +
    "{{#if previous}}; kỳ trước: {{previous}}{{/if}}.",
  "documents.heading": "Văn bản chỉ đạo, điều hành đã ban hành",
  "documents.intro": "Các văn bản đã ban hành:",
  "document.item": "{{issuer}} ban hành {{number}} ngày {{date}}: {{summary}}{{#if sample}} (mẫu){{/if}}.",
  "section.difficulties": "KHÓ KHĂN, VƯỚNG MẮC",
  "section.proposals": "ĐỀ XUẤT, KIẾN NGHỊ",
  "narrative.item":
    '{{text}} ({{#each units sep=", "}}{{name}}{{/each}}{{#if more}} và {{more}} đơn vị khác{{/if}}).',
  "difficulties.none": "Các cơ quan, đơn vị không báo cáo khó khăn, vướng mắc trong kỳ.",
  "proposals.none": "Các cơ quan, đơn vị không có đề xuất, kiến nghị trong kỳ.",
  closing:
    "Trên đây là báo cáo kết quả thực hiện chuyển đổi số đến hết {{period|lcfirst}} của {{reporter}}, " +
    "kính báo cáo {{recipient}} xem xét, chỉ đạo./.",
  recipients: "Nơi nhận:\n- {{recipient}} (b/c);\n- Lưu: VT, {{abbrev}}.",
  "signature.title": "GIÁM ĐỐC",
  "signature.name": "",
  "appendix.title": "PHỤ LỤC",
  "appendix.subject": "Tình hình thực hiện các chỉ tiêu {{planShortName}} đến hết {{period|lcfirst}}",
  "appendix.reference": "(Kèm theo Báo cáo số …/BC-{{abbrev}} {{date}} của {{reporter}})",
  "table.indicator": "{{name}}{{#if sample}} (mẫu){{/if}}",
  "table.status": "{{status}}{{#if overridden}} (điều chỉnh){{/if}}",
  "table.reason":
    "{{#if dependsOn}}Phụ thuộc vào {{dependsOn}}. {{/if}}{{#if decision}}Theo {{decision}}. {{/if}}{{reason}}",
  "status.done": "Hoàn thành",
  "status.likely": "Có khả năng hoàn thành",
  "status.at_risk": "Khó hoàn thành",
  "status.dependent": "Phụ thuộc",
  "status.discontinued": "Không tiếp tục đánh giá",
  "status.no_data": "Chưa có số liệu",
  "milestone.reached": "Hoàn thành",
  "milestone.pending": "Chưa hoàn thành",
  "value.noData": "chưa có số liệu",
};
