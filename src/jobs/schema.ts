import { z } from "zod";
import { tryParsePeriod } from "../domain/period/index.ts";
import { importSummarySchema } from "../exchange/schema.ts";
import { pageQuery } from "../http/paging.ts";
import { REPORT_FORMATS } from "../reports/render/index.ts";
import { REPORT_LANGS } from "../reports/templates/index.ts";
import { JOB_KINDS, JOB_STATUSES } from "./store.ts";

const flag = z
  .enum(["true", "false"], "Giá trị phải là true hoặc false|The value must be true or false")
  .transform((v) => v === "true");

export const importJobQuery = z.object({
  dataSet: z.string().min(1).max(100).optional(),
  dryRun: flag.default(false),
  /** true (the default): any conflict writes nothing; false: the valid values are imported. */
  atomic: flag.default(true),
  format: z
    .enum(
      ["json", "csv", "xlsx"],
      "Định dạng phải là json, csv hoặc xlsx|The format must be json, csv or xlsx",
    )
    .optional(),
  /** The uploaded file's name, shown in the list of jobs. */
  name: z.string().max(255).optional(),
});

export const reportJobBody = z.object({
  plan: z.string().min(1).max(50),
  period: z
    .string()
    .refine(
      (id) => tryParsePeriod(id, "month").ok,
      "Kỳ báo cáo phải là một tháng, ví dụ 202309|The period must be a month, e.g. 202309",
    ),
  format: z.enum(
    REPORT_FORMATS,
    "Định dạng phải là md, docx, pdf hoặc xlsx|The format must be md, docx, pdf or xlsx",
  ),
  lang: z.enum(REPORT_LANGS, "Ngôn ngữ phải là vi hoặc en|The language must be vi or en").default("vi"),
});

export const jobParams = z.object({ id: z.coerce.number().int().positive() });

export const jobListQuery = z.object({
  kind: z.enum(JOB_KINDS).optional(),
  /** Only the caller's own jobs, also for an admin (the web's pages). */
  mine: flag.default(false),
  ...pageQuery(20, 200),
});

const reportResult = z.object({
  plan: z.string(),
  period: z.string(),
  format: z.enum(REPORT_FORMATS),
  lang: z.enum(REPORT_LANGS),
  fileName: z.string(),
  size: z.number(),
});

/** A job refused for its input (a form that does not exist…): the problems, by field. */
const failureDetails = z.object({
  details: z.array(z.object({ path: z.string(), message: z.string(), message_en: z.string() })),
});

export const jobOut = z.object({
  id: z.number(),
  kind: z.enum(JOB_KINDS),
  status: z.enum(JOB_STATUSES),
  progress: z.object({ done: z.number(), total: z.number() }),
  createdBy: z.string(),
  params: z.record(z.string(), z.unknown()),
  /** The import summary (as POST /api/dataValueSets answers), the report's metadata, or field problems. */
  result: z.union([importSummarySchema, reportResult, failureDetails]).nullable(),
  error: z.object({ code: z.string(), message: z.string(), message_en: z.string() }).nullable(),
  file: z.object({ name: z.string(), contentType: z.string(), size: z.number() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobOut = z.infer<typeof jobOut>;
