import { z } from "zod";

/** A calendar date as YYYY-MM-DD that exists (2023-02-30 is refused). */
export const isoDate = z.iso.date("Ngày phải có dạng YYYY-MM-DD|A date must be YYYY-MM-DD");
