import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import { SignedOutPage } from "../components/SignedOutPage.tsx";
import { useI18n } from "../i18n/index.tsx";
import { navigate } from "../router.tsx";
import { useSession } from "../session.tsx";
import { ActionError, Field, useAction } from "./admin/common.tsx";

const fields = [
  "province.code",
  "province.nameVi",
  "province.nameEn",
  "province.type",
  "province.validFrom",
  "admin.username",
  "admin.displayName",
  "admin.password",
] as const;

/**
 * The first run (khởi tạo hệ thống), shown instead of the login while the database has no users:
 * the province and the first administrator (POST /api/setup), who is then signed in and taken to
 * the administration to add the rest. `onSetUpElsewhere` shows the login once another first run won.
 */
export default function SetupPage({ onSetUpElsewhere }: { onSetUpElsewhere: () => void }) {
  const { t } = useI18n();
  const s = t.setup;
  const { login } = useSession();
  const action = useAction();
  const [form, setForm] = useState({
    code: "",
    nameVi: "",
    nameEn: "",
    type: "tỉnh",
    validFrom: "",
    username: "",
    displayName: "",
    password: "",
    repeat: "",
  });
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [name]: e.target.value }));
  const mismatch = form.repeat !== "" && form.repeat !== form.password;
  const taken = action.error instanceof ApiError && action.error.code === "ALREADY_INITIALISED";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    const username = form.username.trim();
    await action.run(fields, async () => {
      await api.post("/api/setup", {
        body: {
          province: {
            code: form.code.trim(),
            nameVi: form.nameVi.trim(),
            nameEn: form.nameEn.trim() || null,
            type: form.type.trim(),
            ...(form.validFrom ? { validFrom: form.validFrom } : {}),
          },
          admin: { username, displayName: form.displayName.trim(), password: form.password },
        },
      });
      navigate("/admin/units", true);
      await login(username, form.password);
    });
  };

  return (
    <SignedOutPage cardClass="setup-card">
      <h1 id="setup-title">{s.title}</h1>
      <p>{s.intro}</p>
      <form onSubmit={submit} className="login-form" aria-labelledby="setup-title">
        <fieldset className="panel">
          <legend>{s.province}</legend>
          <Field label={s.code} hint={s.codeHint} error={action.fieldError("province.code")}>
            {(p) => <input {...p} name="code" required value={form.code} onChange={set("code")} />}
          </Field>
          <Field label={s.name} error={action.fieldError("province.nameVi")}>
            {(p) => <input {...p} name="nameVi" required value={form.nameVi} onChange={set("nameVi")} />}
          </Field>
          <Field label={s.nameEn} error={action.fieldError("province.nameEn")}>
            {(p) => <input {...p} name="nameEn" value={form.nameEn} onChange={set("nameEn")} />}
          </Field>
          <Field label={s.type} hint={s.typeHint} error={action.fieldError("province.type")}>
            {(p) => (
              <>
                <input
                  {...p}
                  name="type"
                  list="setup-types"
                  required
                  value={form.type}
                  onChange={set("type")}
                />
                <datalist id="setup-types">
                  <option value="tỉnh" />
                  <option value="thành phố" />
                </datalist>
              </>
            )}
          </Field>
          <Field label={s.validFrom} hint={s.validFromHint} error={action.fieldError("province.validFrom")}>
            {(p) => (
              <input {...p} name="validFrom" type="date" value={form.validFrom} onChange={set("validFrom")} />
            )}
          </Field>
        </fieldset>
        <fieldset className="panel">
          <legend>{s.admin}</legend>
          <Field label={s.username} hint={s.usernameHint} error={action.fieldError("admin.username")}>
            {(p) => (
              <input
                {...p}
                name="username"
                autoComplete="username"
                required
                value={form.username}
                onChange={set("username")}
              />
            )}
          </Field>
          <Field label={s.displayName} error={action.fieldError("admin.displayName")}>
            {(p) => (
              <input
                {...p}
                name="displayName"
                autoComplete="name"
                required
                value={form.displayName}
                onChange={set("displayName")}
              />
            )}
          </Field>
          <Field label={s.password} hint={s.passwordHint} error={action.fieldError("admin.password")}>
            {(p) => (
              <input
                {...p}
                name="password"
                type="password"
                autoComplete="new-password"
                required
                value={form.password}
                onChange={set("password")}
              />
            )}
          </Field>
          <Field label={s.repeat} error={mismatch ? s.mismatch : undefined}>
            {(p) => (
              <input
                {...p}
                name="repeat"
                type="password"
                autoComplete="new-password"
                required
                value={form.repeat}
                onChange={set("repeat")}
              />
            )}
          </Field>
        </fieldset>
        <ActionError action={action} />
        {taken ? (
          <button type="button" className="button button-primary" onClick={onSetUpElsewhere}>
            {s.toLogin}
          </button>
        ) : (
          <button type="submit" className="button button-primary" disabled={action.busy || mismatch}>
            {action.busy ? s.busy : s.submit}
          </button>
        )}
      </form>
    </SignedOutPage>
  );
}
