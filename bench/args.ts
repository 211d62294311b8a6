import { parseArgs } from "node:util";
import type { Scale } from "./dataset.ts";

export interface BenchArgs {
  scale: Scale;
  seed: number;
  /** Reuse the data already loaded by `npm run bench:data` instead of loading it again. */
  reuse: boolean;
}

/** `--scale province|national [--seed N] [--reuse]`. */
export function benchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: "string", default: "province" },
      seed: { type: "string", default: "1" },
      reuse: { type: "boolean", default: false },
    },
  });
  const scale = values.scale;
  if (scale !== "province" && scale !== "national") throw new Error("--scale is province or national");
  const seed = Number.parseInt(values.seed, 10);
  if (!Number.isSafeInteger(seed)) throw new Error("--seed is an integer");
  return { scale, seed, reuse: values.reuse };
}
