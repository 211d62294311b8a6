import { Fragment, type ReactNode } from "react";
import { ScrollRegion } from "../../components/common.tsx";

/**
 * A renderer for the Markdown the plan report is written in, to React elements only (never HTML
 * from text): headings, paragraphs with hard breaks, dash lists, pipe tables, **bold**, *italic*
 * and backslash escapes. Anything else shows as plain text. The text is parsed into blocks
 * first; each piece gets its id from its place in the document.
 */

interface Piece {
  id: string;
  text: string;
}

type Block =
  | { kind: "heading"; id: string; level: number; text: string }
  | { kind: "list"; id: string; items: Piece[] }
  | { kind: "table"; id: string; head: Piece[]; rows: { id: string; cells: Piece[] }[] }
  | { kind: "paragraph"; id: string; lines: Piece[] };

function findClose(text: string, from: number, marker: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text.startsWith(marker, i) && !(marker === "*" && text.startsWith("**", i))) return i;
  }
  return -1;
}

function inline(text: string, id: string): ReactNode[] {
  const out: ReactNode[] = [];
  let plain = "";
  let i = 0;
  const flush = () => {
    if (plain) out.push(plain);
    plain = "";
  };
  while (i < text.length) {
    const c = text[i] ?? "";
    if (c === "\\" && i + 1 < text.length) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    const marker = text.startsWith("**", i) ? "**" : c === "*" ? "*" : null;
    const end = marker ? findClose(text, i + marker.length, marker) : -1;
    if (marker && end > i + marker.length) {
      flush();
      const inner = inline(text.slice(i + marker.length, end), `${id}.${i}`);
      out.push(
        marker === "**" ? <strong key={`${id}.${i}`}>{inner}</strong> : <em key={`${id}.${i}`}>{inner}</em>,
      );
      i = end + marker.length;
      continue;
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

/** Splits a table row on unescaped pipes. */
function cells(line: string): string[] {
  const parts: string[] = [];
  let cur = "";
  const body = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\" && i + 1 < body.length) {
      cur += body.slice(i, i + 2);
      i++;
    } else if (body[i] === "|") {
      parts.push(cur.trim());
      cur = "";
    } else cur += body[i];
  }
  parts.push(cur.trim());
  return parts;
}

const pieces = (texts: string[], id: string): Piece[] => texts.map((text, n) => ({ id: `${id}.${n}`, text }));

function parseBlock(lines: string[], id: string): Block {
  const first = lines[0] ?? "";
  const heading = /^(#{1,6}) (.*)$/.exec(first);
  if (heading && lines.length === 1) {
    return { kind: "heading", id, level: heading[1]?.length ?? 1, text: heading[2] ?? "" };
  }
  if (lines.every((l) => l.startsWith("- "))) {
    return {
      kind: "list",
      id,
      items: pieces(
        lines.map((l) => l.slice(2)),
        id,
      ),
    };
  }
  if (lines.length >= 2 && lines.every((l) => l.trim().startsWith("|"))) {
    const [head = "", , ...rows] = lines;
    return {
      kind: "table",
      id,
      head: pieces(cells(head), `${id}.h`),
      rows: rows.map((r, n) => ({ id: `${id}.${n}`, cells: pieces(cells(r), `${id}.${n}`) })),
    };
  }
  return {
    kind: "paragraph",
    id,
    lines: pieces(
      lines.map((l) => l.replace(/ {2}$/, "")),
      id,
    ),
  };
}

export function parseMarkdown(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((b) => b.split("\n").filter((l) => l.trim() !== ""))
    .filter((b) => b.length > 0)
    .map((b, n) => parseBlock(b, String(n)));
}

function render(block: Block): ReactNode {
  switch (block.kind) {
    case "heading": {
      // The page has its own h1: the report's "#" is an h2.
      const Tag = `h${Math.min(6, block.level + 1)}` as "h2";
      return <Tag key={block.id}>{inline(block.text, block.id)}</Tag>;
    }
    case "list":
      return (
        <ul key={block.id}>
          {block.items.map((item) => (
            <li key={item.id}>{inline(item.text, item.id)}</li>
          ))}
        </ul>
      );
    case "table":
      return (
        <ScrollRegion key={block.id} label={block.head.map((h) => h.text).join(" · ")}>
          <table className="table table-compact">
            <thead>
              <tr>
                {block.head.map((c) => (
                  <th scope="col" key={c.id}>
                    {inline(c.text, c.id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row) => (
                <tr key={row.id}>
                  {row.cells.map((c) => (
                    <td key={c.id}>{inline(c.text, c.id)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      );
    case "paragraph":
      return (
        <p key={block.id}>
          {block.lines.map((line, n) => (
            <Fragment key={line.id}>
              {n > 0 && <br />}
              {inline(line.text, line.id)}
            </Fragment>
          ))}
        </p>
      );
  }
}

export function Markdown({ text }: { text: string }) {
  return <div className="markdown">{parseMarkdown(text).map(render)}</div>;
}
