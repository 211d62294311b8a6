/**
 * Natural order of codes: "1.2" before "1.10", "U2" before "U10". Runs of digits compare by
 * value, other text by UTF-16 code units (no locale data, so the order is the same on every
 * machine); codes equal in that sense fall back to plain comparison, so the order is total.
 */
export function compareCodes(a: string, b: string): number {
  const left = chunks(a);
  const right = chunks(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = compareChunk(left[i] ?? "", right[i] ?? "");
    if (order !== 0) return order;
  }
  if (left.length !== right.length) return left.length - right.length;
  return plain(a, b);
}

function chunks(code: string): string[] {
  return code.match(/\d+|\D+/g) ?? [];
}

function compareChunk(a: string, b: string): number {
  const digits = /^\d/;
  if (digits.test(a) && digits.test(b)) {
    // Compare digit runs without Number(), so 20-digit codes stay exact: strip leading zeros,
    // then the longer run is larger, then the text decides.
    const x = a.replace(/^0+(?=\d)/, "");
    const y = b.replace(/^0+(?=\d)/, "");
    return x.length !== y.length ? x.length - y.length : plain(x, y);
  }
  return plain(a, b);
}

function plain(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
