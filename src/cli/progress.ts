/**
 * Progress on standard error: one rewritten line on a terminal; in a log, the first line and
 * then at most one a second, so a long import does not flood it.
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
