import { z } from "zod";

/** A calendar date as YYYY-MM-DD that exists (2023-02-30 is refused). */
export const isoDate = z.iso.date("Ngày phải có dạng YYYY-MM-DD|A date must be YYYY-MM-DD");

/** An instant in years 1900–9999 (PostgreSQL's timestamps go further, our data never does). */
export const boundedInstant = z.coerce
  .date()
  .min(new Date("1900-01-01T00:00:00Z"), "Thời điểm phải từ năm 1900|The time must be in 1900 or later")
  .max(
    new Date("9999-12-31T23:59:59Z"),
    "Thời điểm phải trước năm 10000|The time must be before the year 10000",
  );
