/**
 * Reads the small RFC 4180 CSV the seed list is written in: comma-separated, fields with a
 * comma quoted with `"`, `""` for a quote inside. Returns one record per data row, keyed by
 * the header.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = splitRecords(text.replace(/^\uFEFF/, ""));
  const [header, ...rows] = lines;
  if (!header) return [];
  return rows.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new Error(`CSV row ${index + 2}: ${fields.length} fields, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ""]));
  });
}

function splitRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      if (fields.some((f) => f !== "")) records.push(fields);
      fields = [];
      field = "";
    } else field += ch;
  }
  fields.push(field);
  if (fields.some((f) => f !== "")) records.push(fields);
  return records;
}
