import { type FormEvent, useState } from "react";
import { api } from "../../api/client.ts";
import { useI18n } from "../../i18n/index.tsx";
import { useToday } from "../../session.tsx";
import { ActionError, codeList, Done, Field, useAction } from "./common.tsx";
import { type Unit, UnitOptions } from "./UnitTree.tsx";

export function CreateUnit({
  parent,
  onDone,
}: {
  parent: Unit;
  onDone: (code: string, message: string) => void;
}) {
  const { t, pick } = useI18n();
  const action = useAction();
  const today = useToday();
  const [form, setForm] = useState({
    code: "",
    nameVi: "",
    nameEn: "",
    kind: parent.kind === "agency" ? "agency" : "territorial",
    type: "",
    validFrom: today,
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

export function MoveUnit({
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
  const [when, setWhen] = useState(useToday());
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

export function CloseUnit({ unit, onDone }: { unit: Unit; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [codes, setCodes] = useState(unit.code);
  const [when, setWhen] = useState(useToday());
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
