import type { Principal } from "../access/principal.ts";
import type { Conn } from "../db/client.ts";
import { buildPlanReportData } from "../plans/report-data-builder.ts";
import { composeReport } from "./compose.ts";
import { CONTENT_TYPES, type ReportFormat, renderReport } from "./render/index.ts";
import { loadTemplateSet } from "./store.ts";
import type { ReportLang } from "./templates/index.ts";

export interface RenderedReport {
  body: string | Buffer;
  contentType: string;
  /** "bao-cao-KH-CDS-2023-202309.docx" (Vietnamese) or "report-KH-CDS-2023-202309.docx". */
  fileName: string;
}

/** A file name that any browser and file system accept: the plan code's unsafe characters become "-". */
export function reportFileName(planCode: string, periodId: string, format: ReportFormat, lang: ReportLang) {
  const stem = lang === "vi" ? "bao-cao" : "report";
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "-");
  return `${stem}-${safe(planCode)}-${safe(periodId)}.${format}`;
}

/**
 * The plan report for a month, written with the current templates and rendered in one format.
 * A null principal is the system's own authority (the CLI). Errors come from the plan service:
 * 404 unknown plan, 400 at `period`, 422 NO_APPROVED_DATA, 403 out of scope.
 */
export async function planReport(
  conn: Conn,
  principal: Principal | null,
  planCode: string,
  periodId: string,
  format: ReportFormat,
  lang: ReportLang,
): Promise<RenderedReport> {
  const data = await buildPlanReportData(conn, principal, planCode, periodId);
  const doc = composeReport(data, await loadTemplateSet(conn, lang));
  return {
    body: await renderReport(doc, format),
    contentType: CONTENT_TYPES[format],
    fileName: reportFileName(data.plan.code, data.period.id, format, lang),
  };
}
