/** Progress on standard error: one rewritten line on a terminal, plain lines otherwise. */
export function progressPrinter(label: string): (message: string) => void {
  const tty = process.stderr.isTTY;
  return (message) => {
    if (tty) process.stderr.write(`\r\x1b[K${label}: ${message}`);
    else process.stderr.write(`${label}: ${message}\n`);
  };
}

export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write("\n");
}
