import { type FormEvent, useMemo, useState } from "react";
import { api, type ResponseOf } from "../../api/client.ts";
import { Show, useLoad } from "../../components/common.tsx";
import { date } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { useSession } from "../../session.tsx";
import { ActionError, Done, Field, todayIso, useAction } from "./common.tsx";

type Unit = ResponseOf<"GET /api/units">[number];

/** Codes typed as "29866, 29884" or one per line. */
export const codeList = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);

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

function childrenOf(units: readonly Unit[]): Map<string | null, Unit[]> {
  const codes = new Set(units.map((u) => u.code));
  const out = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentCode && codes.has(u.parentCode) ? u.parentCode : null;
    out.set(parent, [...(out.get(parent) ?? []), u]);
  }
  return out;
}

function TreeNode({
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

function CreateUnit({ parent, onDone }: { parent: Unit; onDone: (code: string, message: string) => void }) {
  const { t, pick } = useI18n();
  const action = useAction();
  const [form, setForm] = useState({
    code: "",
    nameVi: "",
    nameEn: "",
    kind: parent.kind === "agency" ? "agency" : "territorial",
    type: "",
    validFrom: todayIso(),
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = form.code.trim();
    const ok = await action.run(["code", "nameVi", "nameEn", "kind", "type", "validFrom", "parentCode"], () =>
      api
        .post("/api/units", {
          body: {
            code,
            nameVi: form.nameVi,
            nameEn: form.nameEn || null,
            kind: form.kind as "territorial" | "agency",
            type: form.type,
            parentCode: parent.code,
            validFrom: form.validFrom,
          },
        })
        .then(() => undefined),
    );
    if (ok) {
      setForm((f) => ({ ...f, code: "", nameVi: "", nameEn: "" }));
      onDone(code, t.admin.units.created(code));
    }
  };
  const u = t.admin.units;
  return (
    <form className="panel admin-form" onSubmit={submit} noValidate aria-labelledby="unit-create-title">
      <h3 id="unit-create-title">{u.create(pick(parent.nameVi, parent.nameEn))}</h3>
      <ActionError action={action} />
      <div className="form-grid">
        <Field label={t.admin.code} error={action.fieldError("code")}>
          {(p) => <input {...p} value={form.code} onChange={set("code")} required />}
        </Field>
        <Field label={u.type} hint={u.typeHint} error={action.fieldError("type")}>
          {(p) => <input {...p} value={form.type} onChange={set("type")} required />}
        </Field>
        <Field label={t.admin.nameVi} error={action.fieldError("nameVi")} className="wide">
          {(p) => <input {...p} value={form.nameVi} onChange={set("nameVi")} required />}
        </Field>
        <Field label={t.admin.nameEn} error={action.fieldError("nameEn")} className="wide">
          {(p) => <input {...p} value={form.nameEn} onChange={set("nameEn")} />}
        </Field>
        <Field label={u.kind} error={action.fieldError("kind")}>
          {(p) => (
            <select {...p} value={form.kind} onChange={set("kind")}>
              <option value="territorial">{u.kinds.territorial}</option>
              <option value="agency">{u.kinds.agency}</option>
            </select>
          )}
        </Field>
        <Field label={u.validFrom} error={action.fieldError("validFrom")}>
          {(p) => <input {...p} type="date" value={form.validFrom} onChange={set("validFrom")} required />}
        </Field>
      </div>
      {action.fieldError("parentCode") && (
        <p className="note-error-text">{action.fieldError("parentCode")}</p>
      )}
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {action.busy ? t.admin.saving : u.createSubmit}
      </button>
    </form>
  );
}

function MoveUnit({
  unit,
  units,
  onDone,
}: {
  unit: Unit;
  units: readonly Unit[];
  onDone: (m: string) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [parentCode, setParentCode] = useState("");
  const [when, setWhen] = useState(todayIso());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(["parentCode", "date", "code"], () =>
      api
        .post("/api/units/{code}/move", {
          params: { code: unit.code },
          body: { parentCode: parentCode.trim() || null, date: when },
        })
        .then(() => undefined),
    );
    if (ok) onDone(t.admin.units.moved(unit.code));
  };
  const u = t.admin.units;
  return (
    <form className="panel admin-form" onSubmit={submit} noValidate aria-labelledby="unit-move-title">
      <h3 id="unit-move-title">{u.move}</h3>
      <ActionError action={action} />
      <div className="form-grid">
        <Field label={u.newParent} error={action.fieldError("parentCode") ?? action.fieldError("code")}>
          {(p) => (
            <input
              {...p}
              list="unit-codes"
              value={parentCode}
              onChange={(e) => setParentCode(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={u.moveDate} error={action.fieldError("date")}>
          {(p) => (
            <input {...p} type="date" value={when} onChange={(e) => setWhen(e.target.value)} required />
          )}
        </Field>
      </div>
      <UnitOptions id="unit-codes" units={units} />
      <button type="submit" className="button" disabled={action.busy}>
        {action.busy ? t.admin.saving : u.moveSubmit}
      </button>
    </form>
  );
}

function CloseUnit({ unit, onDone }: { unit: Unit; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [codes, setCodes] = useState(unit.code);
  const [when, setWhen] = useState(todayIso());
  const [kind, setKind] = useState<"merge" | "split" | "rename" | "reclassify">("merge");
  const [successors, setSuccessors] = useState("");
  const [decision, setDecision] = useState("");
  const [failedAt, setFailedAt] = useState<string | null>(null);
  const [closedSoFar, setClosedSoFar] = useState<string[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const closing = codeList(codes);
    const closed: string[] = [];
    setFailedAt(null);
    setClosedSoFar([]);
    const ok = await action.run(["code", "date", "kind", "successorCodes", "decision"], async () => {
      for (const code of closing) {
        setFailedAt(code);
        await api.post("/api/units/{code}/close", {
          params: { code },
          body: { date: when, kind, successorCodes: codeList(successors), decision: decision.trim() || null },
        });
        closed.push(code);
      }
      setFailedAt(null);
    });
    setClosedSoFar(ok ? [] : closed);
    if (ok) onDone(t.admin.units.closed(closed.join(", ")));
  };
  const u = t.admin.units;
  const stopped = failedAt && codeList(codes).length > 1 ? `${u.stopped(failedAt)} ` : "";
  const codeError = action.fieldError("code");
  return (
    <form className="panel admin-form" onSubmit={submit} noValidate aria-labelledby="unit-close-title">
      <h3 id="unit-close-title">{u.close}</h3>
      {closedSoFar.length > 0 && <Done message={u.closed(closedSoFar.join(", "))} />}
      <ActionError action={action} />
      <div className="form-grid">
        <Field
          label={u.closeCodes}
          hint={u.closeCodesHint}
          error={codeError ? stopped + codeError : undefined}
          className="wide"
        >
          {(p) => <input {...p} value={codes} onChange={(e) => setCodes(e.target.value)} required />}
        </Field>
        <Field label={u.closeDate} hint={u.closeDateHint} error={action.fieldError("date")}>
          {(p) => (
            <input {...p} type="date" value={when} onChange={(e) => setWhen(e.target.value)} required />
          )}
        </Field>
        <Field label={u.closeKind} error={action.fieldError("kind")}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {(["merge", "split", "rename", "reclassify"] as const).map((k) => (
                <option key={k} value={k}>
                  {u.closeKinds[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={u.successors} hint={u.successorsHint} error={action.fieldError("successorCodes")}>
          {(p) => (
            <input
              {...p}
              list="unit-codes"
              value={successors}
              onChange={(e) => setSuccessors(e.target.value)}
            />
          )}
        </Field>
        <Field label={u.decision} error={action.fieldError("decision")}>
          {(p) => <input {...p} value={decision} onChange={(e) => setDecision(e.target.value)} />}
        </Field>
      </div>
      <button type="submit" className="button button-danger" disabled={action.busy}>
        {action.busy ? t.admin.saving : u.closeSubmit}
      </button>
    </form>
  );
}

function Selected({
  unit,
  units,
  mayChange,
  onChanged,
}: {
  unit: Unit;
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
  const [asOf, setAsOf] = useState(todayIso());
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
