import { parseArgs } from "node:util";
import type { Scale } from "./dataset.ts";

export interface BenchArgs {
  scale: Scale;
  seed: number;
  /** Reuse the data already loaded by `npm run bench:data` instead of loading it again. */
  reuse: boolean;
  /** The parts to measure (all by default): a quicker loop while working on one of them. */
  only: ReadonlySet<BenchPart>;
}

export const benchParts = ["shapes", "freshness", "import", "cli", "http", "jobs"] as const;
export type BenchPart = (typeof benchParts)[number];

function parseParts(text: string | undefined): Set<BenchPart> {
  if (text === undefined) return new Set(benchParts);
  const parts = text.split(",").map((p) => p.trim());
  const unknown = parts.filter((p) => !(benchParts as readonly string[]).includes(p));
  if (unknown.length > 0 || parts.length === 0) throw new Error(`--only takes ${benchParts.join(",")}`);
  return new Set(parts as BenchPart[]);
}

/** `--scale province|national [--seed N] [--reuse] [--only shapes,freshness,import,cli,http,jobs]`. */
export function benchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: "string", default: "province" },
      seed: { type: "string", default: "1" },
      reuse: { type: "boolean", default: false },
      only: { type: "string" },
    },
  });
  const scale = values.scale;
  if (scale !== "province" && scale !== "national") throw new Error("--scale is province or national");
  const seed = Number.parseInt(values.seed, 10);
  if (!Number.isSafeInteger(seed)) throw new Error("--seed is an integer");
  return { scale, seed, reuse: values.reuse, only: parseParts(values.only) };
}
