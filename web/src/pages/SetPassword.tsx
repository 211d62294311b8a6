import { type FormEvent, useState } from "react";
import { api } from "../api/client.ts";
import { SignedOutPage } from "../components/SignedOutPage.tsx";
import { useI18n } from "../i18n/index.tsx";
import { navigate } from "../router.tsx";
import { ActionError, Done, Field, type FieldProps, useAction } from "./admin/common.tsx";

/**
 * The page of a one-time password link (`/set-password#TOKEN`, from the users import or an
 * admin's fresh link): the holder chooses a password (POST /api/auth/password-link), then signs
 * in. The token stays after `#`, so it never reaches a server log.
 */
export default function SetPasswordPage() {
  const { t } = useI18n();
  const s = t.imports.setPassword;
  const action = useAction();
  const [token] = useState(() => window.location.hash.slice(1));
  const [form, setForm] = useState({ password: "", repeat: "" });
  const [done, setDone] = useState<string | null>(null);
  const mismatch = form.repeat !== "" && form.repeat !== form.password;
  /** The input of one of the two password fields. */
  const passwordInput = (key: keyof typeof form) => (p: FieldProps) => (
    <input
      {...p}
      type="password"
      autoComplete="new-password"
      required
      value={form[key]}
      onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
    />
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch || !token) return;
    await action.run(["password"], async () => {
      const answer = await api.post("/api/auth/password-link", { body: { token, password: form.password } });
      window.history.replaceState(null, "", "/set-password");
      setDone(s.done(answer.username));
    });
  };

  return (
    <SignedOutPage>
      <h1 id="set-password-title">{s.title}</h1>
      <Done message={done} />
      {done ? (
        <button type="button" className="button button-primary" onClick={() => navigate("/", true)}>
          {s.toLogin}
        </button>
      ) : !token ? (
        <p className="note note-warning">{s.noToken}</p>
      ) : (
        <form onSubmit={submit} className="login-form" aria-labelledby="set-password-title">
          <p>{s.intro}</p>
          <Field label={s.password} hint={s.hint} error={action.fieldError("password")}>
            {passwordInput("password")}
          </Field>
          <Field label={s.repeat} error={mismatch ? s.mismatch : undefined}>
            {passwordInput("repeat")}
          </Field>
          <ActionError action={action} />
          <button type="submit" className="button button-primary" disabled={action.busy || mismatch}>
            {action.busy ? s.busy : s.submit}
          </button>
        </form>
      )}
    </SignedOutPage>
  );
}
