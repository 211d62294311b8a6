import { type FormEvent, useEffect, useState } from "react";
import { api } from "../../api/client.ts";
import { Show, useLoad } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { ActionError, codeList, Done, Field, useAction, useProvinceAdmin } from "./common.tsx";

const fields = ["remindDaysBefore", "escalateAfterDays", "escalateProvinceAfterDays"] as const;

/** A number as typed; what is not a number goes to the server as is, which names the field. */
const typed = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text.trim()));

/** One form's reminder offsets and escalation days, read and (a province admin) saved. */
function FormSettings({ form }: { form: string }) {
  const { t } = useI18n();
  const n = t.noticesAdmin;
  const province = useProvinceAdmin();
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [draft, setDraft] = useState({ remind: "", m: "", m2: "" });
  const loaded = useLoad(
    (signal) => api.get("/api/forms/{code}/notice-settings", { params: { code: form }, signal }),
    [form],
  );
  useEffect(() => {
    const s = loaded.data;
    if (s)
      setDraft({
        remind: s.remindDaysBefore.join(", "),
        m: String(s.escalateAfterDays),
        m2: String(s.escalateProvinceAfterDays),
      });
  }, [loaded.data]);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const ok = await action.run(fields, async () => {
      await api.put("/api/forms/{code}/notice-settings", {
        params: { code: form },
        body: {
          remindDaysBefore: codeList(draft.remind).map(typed),
          escalateAfterDays: typed(draft.m),
          escalateProvinceAfterDays: typed(draft.m2),
        },
      });
    });
    if (ok) {
      setDone(n.saved(form));
      loaded.reload();
    }
  };
  const readOnly = province !== true;
  return (
    <Show loaded={loaded}>
      {(s) => (
        <form onSubmit={save} aria-label={`${n.formSettings}: ${form}`}>
          {s.isDefault && <p className="muted">{n.isDefault}</p>}
          {province === false && <p className="muted">{n.provinceOnly}</p>}
          <ActionError action={action} />
          <Field label={n.remindDaysBefore} error={action.fieldError("remindDaysBefore")}>
            {(p) => (
              <input
                {...p}
                readOnly={readOnly}
                value={draft.remind}
                onChange={(e) => setDraft({ ...draft, remind: e.target.value })}
              />
            )}
          </Field>
          <Field label={n.escalateAfterDays} error={action.fieldError("escalateAfterDays")}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                readOnly={readOnly}
                value={draft.m}
                onChange={(e) => setDraft({ ...draft, m: e.target.value })}
              />
            )}
          </Field>
          <Field label={n.escalateProvinceAfterDays} error={action.fieldError("escalateProvinceAfterDays")}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                readOnly={readOnly}
                value={draft.m2}
                onChange={(e) => setDraft({ ...draft, m2: e.target.value })}
              />
            )}
          </Field>
          {!readOnly && (
            <button type="submit" className="button" disabled={action.busy}>
              {action.busy ? t.admin.saving : t.admin.save}
            </button>
          )}
          <Done message={done} />
        </form>
      )}
    </Show>
  );
}

/** Thiết lập nhắc việc: pick a form, see and change its settings. */
export function NoticeFormSettings() {
  const { t, pick } = useI18n();
  const n = t.noticesAdmin;
  const forms = useLoad((signal) => api.get("/api/forms", { signal }), []);
  const [form, setForm] = useState("");
  return (
    <section className="panel" aria-labelledby="notices-forms">
      <h2 id="notices-forms">{n.formSettings}</h2>
      <Show loaded={forms}>
        {(list) => (
          <Field label={n.form}>
            {(p) => (
              <select {...p} value={form} onChange={(e) => setForm(e.target.value)}>
                <option value="">—</option>
                {list.map((f) => (
                  <option key={f.code} value={f.code}>
                    {f.code} — {pick(f.nameVi, f.nameEn)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </Show>
      {form && <FormSettings key={form} form={form} />}
    </section>
  );
}
