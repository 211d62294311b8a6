import { z } from "zod";

export const workStates = ["returned", "overdue", "due", "open", "submitted"] as const;
export type WorkState = (typeof workStates)[number];

export const workItemOut = z.object({
  /** returned: sent back with a reason; overdue/due: to send, past or before the due date; open:
   * the period is still running (a draft may be kept); submitted: waiting for approval. */
  state: z.enum(workStates),
  form: z.string(),
  formNameVi: z.string(),
  formNameEn: z.string().nullable(),
  unit: z.string(),
  unitNameVi: z.string(),
  unitNameEn: z.string().nullable(),
  period: z.string(),
  periodLabelVi: z.string(),
  periodLabelEn: z.string(),
  dueDate: z.string(),
  lockDate: z.string().nullable(),
  /** The report, once a draft exists. */
  submissionId: z.number().nullable(),
  status: z.enum(["none", "draft", "submitted", "returned"]),
  version: z.number().nullable(),
  returnReason: z.string().nullable(),
});
export type WorkItem = z.infer<typeof workItemOut>;

export const worklistOut = z.object({
  today: z.string(),
  items: z.array(workItemOut),
  /** Reports of the recent periods never sent and now locked: only an admin can reopen them. */
  lockedMissing: z.number(),
});
export type Worklist = z.infer<typeof worklistOut>;
