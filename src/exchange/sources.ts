/**
 * Where an import's data values come from: a payload already in memory (the JSON API), or a
 * stream of JSON, CSV or Excel read from a request or a file, one value at a time.
 */
import { Readable } from "node:stream";
import type { ZodType } from "zod";
import { invalid } from "../errors/app-error.ts";
import { zodIssuesToFieldIssues } from "../http/zod-validation.ts";
import { readDataValuesCsv } from "./csv-stream.ts";
import { readDataValueSetJson } from "./json-stream.ts";
import { type DataValueIn, type DataValueSetIn, dataValueInSchema, dataValueSetInSchema } from "./schema.ts";

/** The set's own members: the form, and the period, unit and completion shared by its values. */
export interface SetHeader {
  dataSet?: string | null;
  period?: string | null;
  orgUnit?: string | null;
  completeDate?: string | null;
}

export interface SourceValue {
  /** The value's position in the set, or its CSV line, as conflicts name it. */
  index: number;
  value: DataValueIn;
}

/** The header is filled in as the source is read: it is complete when the first value comes. */
export interface ValueSource {
  header: SetHeader;
  values: AsyncIterable<SourceValue>;
}

/** Bytes or text, as a file or request stream gives them. */
export type Chunks = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

export interface StreamLimits {
  /** The longest JSON element or CSV record, in characters. */
  maxItemChars: number;
}

/** 1 MB: a value (up to 1,000,000 characters) with its codes and comment fits. */
export const defaultLimits: StreamLimits = { maxItemChars: 1_100_000 };

/** A set already parsed (the JSON API: its body is bounded by CHISO_BODY_LIMIT). */
export function payloadSource(payload: DataValueSetIn, indexes?: readonly number[]): ValueSource {
  const set = checked(dataValueSetInSchema, payload, "");
  return {
    header: set,
    values: (async function* () {
      for (const [i, value] of set.dataValues.entries()) yield { index: indexes?.[i] ?? i, value };
    })(),
  };
}

/** Parses with the schema; its issues become ours, in both languages, under `at`. */
function checked<T>(schema: ZodType<T>, value: unknown, at: string): T {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw invalid(...zodIssuesToFieldIssues(result.error.issues, at || undefined));
}

const headerKeys = ["dataSet", "period", "orgUnit", "completeDate"] as const;

/** A dataValueSet JSON stream: the members before `dataValues`, then each value. */
export function jsonSource(chunks: Chunks, limits = defaultLimits): ValueSource {
  const header: SetHeader = {};
  const shape = dataValueSetInSchema.shape;
  return {
    header,
    values: (async function* () {
      for await (const item of readDataValueSetJson(Readable.from(chunks), {
        maxItemChars: limits.maxItemChars,
      })) {
        if (item.kind === "value") {
          yield {
            index: item.index,
            value: checked(dataValueInSchema, item.value, `dataValues.${item.index}`),
          };
        } else {
          const key = headerKeys.find((k) => k === item.key);
          if (key) header[key] = checked(shape[key], item.value, key);
        }
      }
    })(),
  };
}

/** DHIS2 CSV: every value names its period and unit; the form comes from the caller. */
export function csvSource(chunks: Chunks, limits = defaultLimits): ValueSource {
  return {
    header: {},
    values: (async function* () {
      for await (const { line, value } of readDataValuesCsv(Readable.from(chunks), {
        maxRecordChars: limits.maxItemChars,
      })) {
        yield { index: line, value: checked(dataValueInSchema, value, `lines.${line}`) };
      }
    })(),
  };
}
