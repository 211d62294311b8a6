import { type FormEvent, useEffect, useState } from "react";
import { api } from "../../api/client.ts";
import { Show, useLoad } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";
import { ActionError, Done, Field, useAction } from "../admin/common.tsx";

/** The kinds a user may turn off; "returned" and "overdue" always come (the server refuses them). */
const optional = [
  "form_open",
  "due_soon",
  "due_today",
  "escalation",
  "escalation_province",
  "approvals_waiting",
  "reminder",
] as const;
type Optional = (typeof optional)[number];

/** Thiết lập nhận thông báo: my e-mail address, e-mail on or off, and the kinds I do not want. */
export default function NoticeSettingsPage() {
  const { t } = useI18n();
  const n = t.notices;
  const kinds = t.noticesAdmin.kinds;
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const [emailEnabled, setEmailEnabled] = useState(true);
  const [muted, setMuted] = useState<Optional[]>([]);
  const loaded = useLoad((signal) => api.get("/api/notifications/settings", { signal }), []);
  useEffect(() => {
    const s = loaded.data;
    if (!s) return;
    setEmail(s.email ?? "");
    setEmailEnabled(s.emailEnabled);
    setMuted(s.muted as Optional[]);
  }, [loaded.data]);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const ok = await action.run(["email", "emailEnabled", "muted"], async () => {
      await api.put("/api/notifications/settings", {
        body: { email: email.trim() === "" ? null : email.trim(), emailEnabled, muted },
      });
    });
    if (ok) setDone(n.settingsSaved);
  };
  const toggle = (k: Optional, on: boolean) => setMuted(on ? muted.filter((m) => m !== k) : [...muted, k]);
  return (
    <section className="page" aria-labelledby="notice-settings-title">
      <h1 id="notice-settings-title">{n.settingsTitle}</h1>
      <p>
        <Link to="/notifications">{n.title}</Link>
      </p>
      <Show loaded={loaded}>
        {() => (
          <form onSubmit={save} className="panel">
            <ActionError action={action} />
            <Field label={n.email} error={action.fieldError("email")} hint={n.emailHint}>
              {(p) => (
                <input
                  {...p}
                  inputMode="email"
                  autoComplete="email"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <p>
              <label>
                <input
                  type="checkbox"
                  checked={emailEnabled}
                  onChange={(e) => setEmailEnabled(e.target.checked)}
                />{" "}
                {n.emailEnabled}
              </label>
            </p>
            <fieldset>
              <legend>{n.kindsWanted}</legend>
              {optional.map((k) => (
                <p key={k}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!muted.includes(k)}
                      onChange={(e) => toggle(k, e.target.checked)}
                    />{" "}
                    {kinds[k]}
                  </label>
                </p>
              ))}
              <p className="muted">{n.mandatoryNote}</p>
              {action.fieldError("muted") && <p className="note-error-text">{action.fieldError("muted")}</p>}
            </fieldset>
            <button type="submit" className="button" disabled={action.busy}>
              {action.busy ? t.admin.saving : t.admin.save}
            </button>
            <Done message={done} />
          </form>
        )}
      </Show>
    </section>
  );
}
