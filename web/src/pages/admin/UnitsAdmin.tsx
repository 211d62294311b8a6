import { useMemo, useState } from "react";
import { api } from "../../api/client.ts";
import { Show, useLoad } from "../../components/common.tsx";
import { date } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { useSession, useToday } from "../../session.tsx";
import { Done } from "./common.tsx";
import { CloseUnit, CreateUnit, MoveUnit } from "./UnitForms.tsx";
import { UnitHistory } from "./UnitHistory.tsx";
import { childrenOf, TreeNode, type Unit } from "./UnitTree.tsx";

function Selected({
  unit,
  units,
  asOf,
  mayChange,
  onChanged,
}: {
  unit: Unit;
  /** The tree's date: a code reused across time names the unit existing then. */
  asOf: string;
  units: readonly Unit[];
  /** The user is an admin of this unit (not only of another branch): the forms are shown. */
  mayChange: boolean;
  onChanged: (message: string, select?: string, openTo?: string) => void;
}) {
  const { t, lang, pick } = useI18n();
  const u = t.admin.units;
  const parent = units.find((x) => x.code === unit.parentCode);
  return (
    <div className="unit-selected">
      <section className="panel" aria-labelledby="unit-selected-title">
        <h2 id="unit-selected-title">
          {pick(unit.nameVi, unit.nameEn)} <span className="unit-code">{unit.code}</span>
        </h2>
        <dl className="unit-facts">
          <dt>{u.type}</dt>
          <dd>
            {unit.type} ({u.kinds[unit.kind] ?? unit.kind})
          </dd>
          <dt>{u.level}</dt>
          <dd>{unit.level}</dd>
          <dt>{u.parent}</dt>
          <dd>{parent ? `${pick(parent.nameVi, parent.nameEn)} (${parent.code})` : "—"}</dd>
          <dt>{u.validFrom}</dt>
          <dd>{date(unit.validFrom, lang)}</dd>
          {unit.validTo && (
            <>
              <dt>{u.validTo}</dt>
              <dd>{date(unit.validTo, lang)}</dd>
            </>
          )}
        </dl>
      </section>
      <UnitHistory code={unit.code} on={asOf} />
      {mayChange && (
        <>
          <CreateUnit parent={unit} onDone={(code, m) => onChanged(m, code, unit.code)} />
          <MoveUnit unit={unit} units={units} onDone={(m) => onChanged(m)} />
          <CloseUnit unit={unit} onDone={(m) => onChanged(m, unit.parentCode ?? undefined)} />
        </>
      )}
    </div>
  );
}

/** The unit tree as of a date; a chosen unit's facts and the forms to create under it, move or close it. */
export function UnitsAdmin() {
  const { t } = useI18n();
  const u = t.admin.units;
  const [asOf, setAsOf] = useState(useToday());
  const [open, setOpen] = useState<Set<string> | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useLoad(
    (signal) => (asOf ? api.get("/api/units", { query: { asOf }, signal }) : Promise.resolve([])),
    [asOf],
  );
  const units = loaded.data ?? [];
  const kids = useMemo(() => childrenOf(units), [units]);
  // At first the top two levels are open.
  const expanded = open ?? new Set(units.filter((x) => x.level <= 1).map((x) => x.code));
  const toggle = (code: string) => {
    const next = new Set(expanded);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setOpen(next);
  };
  const ancestorsOf = (code: string): string[] => {
    const out: string[] = [];
    let at = units.find((x) => x.code === code)?.parentCode;
    while (at) {
      out.push(at);
      at = units.find((x) => x.code === at)?.parentCode ?? null;
    }
    return out;
  };
  /** After a change: the message, the unit to select, and the unit whose branch to open (default the selected one). */
  const onChanged = (m: string, select?: string, openTo = select) => {
    setMessage(m);
    if (select) setSelected(select);
    if (openTo) setOpen(new Set([...expanded, ...ancestorsOf(openTo), openTo]));
    loaded.reload();
  };
  const current = units.find((x) => x.code === selected);
  const { me } = useSession();
  const adminOf = new Set(me?.grants.filter((g) => g.role === "admin").map((g) => g.unitCode));
  const mayChange = (code: string) => [code, ...ancestorsOf(code)].some((c) => adminOf.has(c));
  return (
    <>
      <h1>{t.admin.sections.units}</h1>
      <Done message={message} />
      <div className="admin-units">
        <section className="panel unit-tree-panel" aria-labelledby="unit-tree-title">
          <h2 id="unit-tree-title" className="sr-only">
            {u.tree}
          </h2>
          <div className="toolbar">
            <div className="field-inline">
              <label htmlFor="units-as-of">{u.asOf}</label>
              <input
                id="units-as-of"
                type="date"
                value={asOf}
                onChange={(e) => setAsOf(e.target.value)}
                required
              />
            </div>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => setOpen(new Set(units.map((x) => x.code)))}
            >
              {u.expandAll}
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => setOpen(new Set())}
            >
              {u.collapseAll}
            </button>
            <span className="muted small" role="status">
              {loaded.data ? u.count(units.length) : ""}
            </span>
          </div>
          <Show loaded={loaded}>
            {() => (
              <ul className="unit-tree" aria-label={u.tree}>
                {(kids.get(null) ?? []).map((root) => (
                  <TreeNode
                    key={root.code}
                    unit={root}
                    kids={kids}
                    open={expanded}
                    toggle={toggle}
                    selected={selected}
                    select={(code) => {
                      setSelected(code);
                      setMessage(null);
                    }}
                  />
                ))}
              </ul>
            )}
          </Show>
        </section>
        <div>
          {current ? (
            <Selected
              key={current.code}
              unit={current}
              units={units}
              asOf={asOf}
              mayChange={mayChange(current.code)}
              onChanged={onChanged}
            />
          ) : (
            <p className="panel muted">{u.pick}</p>
          )}
        </div>
      </div>
    </>
  );
}
