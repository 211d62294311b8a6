import { sql } from "drizzle-orm";
import type { Conn } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { distinctUnitNames, nfc } from "../domain/format/index.ts";
import type { NarrativeGroup } from "./report-data.ts";

/** Up to three capitals before a full stop are an abbreviation ("TP. Cao Lãnh"), not a sentence end. */
const ABBREVIATION = /(?:^|[\s(])\p{Lu}{1,3}\.$/u;

/**
 * The items of a narrative: its lines (bullets and numbering dropped), each cut into
 * sentences, so a unit writing two difficulties in one paragraph is grouped with the units
 * that wrote either. Trimmed, NFC.
 */
export function narrativeItems(text: string): string[] {
  return nfc(text)
    .split(/\r?\n+/)
    .map((line) => line.replace(/^\s*(?:[-–•*+]|\d+[.)])\s+/, "").trim())
    .filter((line) => line !== "")
    .flatMap(sentences);
}

function sentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const match of line.matchAll(/[.!?]\s+(?=[\p{Lu}\d"“])/gu)) {
    const end = (match.index ?? 0) + 1;
    if (ABBREVIATION.test(line.slice(start, end))) continue;
    out.push(line.slice(start, end).trim());
    start = (match.index ?? 0) + match[0].length;
  }
  out.push(line.slice(start).trim());
  return out.filter((s) => s !== "");
}

export interface UnitNarrative {
  code: string;
  nameVi: string;
  narrative: Record<string, string>;
}

/**
 * Identical items (after trimming and NFC) are one group, attributed to every unit that wrote
 * them; groups written by more units come first, then in order of first appearance.
 */
export function groupNarratives(reports: readonly UnitNarrative[], section: string): NarrativeGroup[] {
  const groups = new Map<string, NarrativeGroup>();
  for (const report of reports) {
    for (const item of narrativeItems(report.narrative[section] ?? "")) {
      const group = groups.get(item) ?? { text: item, units: [] };
      if (!group.units.some((u) => u.code === report.code))
        group.units.push({ code: report.code, nameVi: report.nameVi });
      groups.set(item, group);
    }
  }
  // Array.prototype.sort is stable, so equal counts keep their order of first appearance.
  return [...groups.values()].sort((a, b) => b.units.length - a.units.length);
}

/**
 * The narratives of the month's approved reports of these forms by these units, by unit code;
 * two units of the same name are told apart by their parent on the month's last day.
 */
export async function approvedNarratives(
  conn: Conn,
  formCodes: readonly string[],
  month: { id: string; end: string },
  unitIds: readonly number[],
): Promise<UnitNarrative[]> {
  if (formCodes.length === 0 || unitIds.length === 0) return [];
  const rows = await queryRows<UnitNarrative & { parentVi: string | null; parentType: string | null }>(
    conn,
    sql`select u.code, u.name_vi as "nameVi", s.narrative, pu.name_vi as "parentVi", pu.type as "parentType"
        from submissions s join forms f on f.id = s.form_id join units u on u.id = s.unit_id
        left join unit_placements p on p.unit_id = u.id and p.valid_from <= ${month.end}
          and (p.valid_to is null or p.valid_to > ${month.end})
        left join units pu on pu.id = p.parent_id
        where f.code in ${formCodes} and s.period = ${month.id} and s.status = 'approved'
          and s.unit_id in ${unitIds}
        order by u.code, f.code`,
  );
  const names = distinctUnitNames(
    rows.map((r) => ({
      code: r.code,
      nameVi: r.nameVi,
      parent: r.parentVi && r.parentType ? { nameVi: r.parentVi, type: r.parentType } : null,
    })),
  );
  return rows.map((r) => ({ code: r.code, nameVi: names.get(r.code) ?? r.nameVi, narrative: r.narrative }));
}
