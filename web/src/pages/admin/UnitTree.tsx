import type { ResponseOf } from "../../api/client.ts";
import { useI18n } from "../../i18n/index.tsx";

export type Unit = ResponseOf<"GET /api/units">[number];

/** The units the page knows, for the code fields' suggestions. */
export function UnitOptions({ id, units }: { id: string; units: readonly Unit[] }) {
  const { pick } = useI18n();
  return (
    <datalist id={id}>
      {units.map((u) => (
        <option key={u.code} value={u.code}>
          {pick(u.nameVi, u.nameEn)}
        </option>
      ))}
    </datalist>
  );
}

/** Each unit's children by parent code; null holds the units whose parent is not listed. */
export function childrenOf(units: readonly Unit[]): Map<string | null, Unit[]> {
  const codes = new Set(units.map((u) => u.code));
  const out = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentCode && codes.has(u.parentCode) ? u.parentCode : null;
    out.set(parent, [...(out.get(parent) ?? []), u]);
  }
  return out;
}

/** One unit of the tree, with its open branch below it. */
export function TreeNode({
  unit,
  kids,
  open,
  toggle,
  selected,
  select,
}: {
  unit: Unit;
  kids: Map<string | null, Unit[]>;
  open: Set<string>;
  toggle: (code: string) => void;
  selected: string | null;
  select: (code: string) => void;
}) {
  const { t, pick } = useI18n();
  const children = kids.get(unit.code) ?? [];
  const name = pick(unit.nameVi, unit.nameEn);
  const isOpen = open.has(unit.code);
  return (
    <li data-unit={unit.code}>
      <div className={`unit-row${selected === unit.code ? " unit-row-selected" : ""}`}>
        {children.length > 0 ? (
          <button
            type="button"
            className="unit-toggle"
            aria-expanded={isOpen}
            aria-label={isOpen ? t.admin.units.collapse(name) : t.admin.units.expand(name)}
            onClick={() => toggle(unit.code)}
          >
            {isOpen ? "▾" : "▸"}
          </button>
        ) : (
          <span className="unit-toggle" aria-hidden="true" />
        )}
        <button
          type="button"
          className="link unit-name"
          aria-pressed={selected === unit.code}
          onClick={() => select(unit.code)}
        >
          {name}
        </button>
        <span className="unit-code">{unit.code}</span>
        <span className="muted small">
          {unit.type} · {t.admin.units.level} {unit.level}
          {children.length > 0 ? ` · ${children.length}` : ""}
        </span>
      </div>
      {isOpen && children.length > 0 && (
        <ul>
          {children.map((c) => (
            <TreeNode
              key={c.code}
              unit={c}
              kids={kids}
              open={open}
              toggle={toggle}
              selected={selected}
              select={select}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
