import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, type ResponseOf } from "../api/client.ts";
import { ErrorNote } from "../components/common.tsx";
import { SignedOutPage } from "../components/SignedOutPage.tsx";
import { useI18n } from "../i18n/index.tsx";
import { useSession } from "../session.tsx";

type Demo = ResponseOf<"GET /api/demo">;

function LoginForm({
  fill,
  autoFocus,
}: {
  fill?: { username: string; password: string };
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (fill) {
      setUsername(fill.username);
      setPassword(fill.password);
    }
  }, [fill]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="login-form">
      <label htmlFor="login-username">{t.login.username}</label>
      <input
        id="login-username"
        name="username"
        autoComplete="username"
        required
        // biome-ignore lint/a11y/noAutofocus: the login form is the page's only task
        autoFocus={autoFocus}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <label htmlFor="login-password">{t.login.password}</label>
      <input
        id="login-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {error ? <ErrorNote error={error} /> : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t.login.busy : t.login.submit}
      </button>
    </form>
  );
}

function DemoLogins({ demo, onPick }: { demo: Demo; onPick: (username: string) => void }) {
  const { t } = useI18n();
  return (
    <section className="demo" aria-labelledby="demo-title">
      <h2 id="demo-title">{t.login.demoTitle}</h2>
      <p>
        {t.login.demoNote} <code className="nowrap">{demo.password}</code>
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.login.account}</th>
            <th scope="col">{t.login.role}</th>
            <th scope="col">{t.login.unit}</th>
            <th scope="col">
              <span className="sr-only">{t.login.demoUse}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {demo.logins.map((l) => (
            <tr key={`${l.username}-${l.role}`}>
              <td>
                <code>{l.username}</code>
              </td>
              <td>{t.roles[l.role] ?? l.role}</td>
              <td>{l.unitName}</td>
              <td>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t.login.demoUseFor(l.username)}
                  onClick={() => onPick(l.username)}
                >
                  {t.login.demoUse}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function LoginPage() {
  const { t } = useI18n();
  const [demo, setDemo] = useState<Demo | null>(null);
  const [fill, setFill] = useState<{ username: string; password: string }>();
  useEffect(() => {
    api
      .get("/api/demo")
      .then(setDemo)
      .catch(() => setDemo(null));
  }, []);
  return (
    <SignedOutPage
      subtitle={`${t.app.tagline} · ${t.app.province}`}
      after={
        demo?.demo && (
          <DemoLogins
            demo={demo}
            onPick={(username) => setFill({ username, password: demo.password ?? "" })}
          />
        )
      }
    >
      <h1>{t.login.title}</h1>
      <LoginForm fill={fill} autoFocus />
    </SignedOutPage>
  );
}

/** Signs in again over the open page when the session expired, so nothing typed is lost. */
export function LoginDialog() {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="relogin-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="relogin-title">{t.login.title}</h2>
      <p>{t.login.expired}</p>
      <LoginForm autoFocus />
    </dialog>
  );
}
