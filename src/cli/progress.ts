import { formatNumberVi } from "../domain/format/index.ts";

/**
 * Progress on standard error: one rewritten line on a terminal; in a log, the first line and
 * then at most one every `intervalMs`, so a long import does not flood it.
 */
export function progressPrinter(label: string, intervalMs = 1000): (message: string) => void {
  const tty = process.stderr.isTTY;
  let last = Number.NEGATIVE_INFINITY;
  return (message) => {
    if (tty) {
      process.stderr.write(`\r\x1b[K${label}: ${message}`);
      return;
    }
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    process.stderr.write(`${label}: ${message}\n`);
  };
}

export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write("\n");
}

/** A 20-cell bar of a fraction: [#######.............]. */
export function bar(fraction: number, width = 20): string {
  const full = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${"#".repeat(full)}${".".repeat(width - full)}]`;
}

/**
 * The import's progress line: values done, the share of the file read, and values per second,
 * e.g. `12.345 giá trị / values 35% [#######.............] 210.000 giá trị/s / values/s`.
 */
export function importProgress(done: number, fraction: number | null, seconds: number): string {
  const rate = seconds > 0 ? Math.round(done / seconds) : 0;
  const share = fraction === null ? "" : ` ${Math.floor(fraction * 100)}% ${bar(fraction)}`;
  return `${formatNumberVi(done)} giá trị / values${share} ${formatNumberVi(rate)} giá trị/s / values/s`;
}
