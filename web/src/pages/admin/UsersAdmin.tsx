import { type FormEvent, useState } from "react";
import { api, type ResponseOf } from "../../api/client.ts";
import { ErrorNote, ScrollRegion, Show, useLoad } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { type Role, useSession } from "../../session.tsx";
import { type Action, ActionError, Done, Field, useAction } from "./common.tsx";
import { UnitOptions } from "./UnitTree.tsx";

type User = ResponseOf<"GET /api/users">[number];
type Grant = User["grants"][number];
type Unit = ResponseOf<"GET /api/units">[number];

const roles: Role[] = ["admin", "reporter", "approver", "viewer", "appraiser"];

/** Rows of role over unit; the server's problems (`grants.1.unitCode`) beside their row. */
function GrantsEditor({
  grants,
  onChange,
  action,
  idPrefix,
}: {
  grants: Grant[];
  onChange: (grants: Grant[]) => void;
  action: Action;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const u = t.admin.users;
  const set = (i: number, patch: Partial<Grant>) =>
    onChange(grants.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <fieldset className="grants">
      <legend>{u.grants}</legend>
      {grants.length === 0 && <p className="muted small">{u.noGrants}</p>}
      {action.fieldError("grants") && <p className="note-error-text">{action.fieldError("grants")}</p>}
      {grants.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is the row
        <div className="grant-row" key={i} data-grant={i}>
          <Field label={u.role} error={action.fieldError(`grants.${i}.role`)}>
            {(p) => (
              <select {...p} value={g.role} onChange={(e) => set(i, { role: e.target.value as Role })}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t.roles[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={u.unit} error={action.fieldError(`grants.${i}.unitCode`)}>
            {(p) => (
              <input
                {...p}
                list={`${idPrefix}-units`}
                value={g.unitCode}
                onChange={(e) => set(i, { unitCode: e.target.value.trim() })}
                required
              />
            )}
          </Field>
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={u.removeGrant(i + 1)}
            onClick={() => onChange(grants.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => onChange([...grants, { role: "reporter", unitCode: "" }])}
      >
        + {u.addGrant}
      </button>
    </fieldset>
  );
}

const grantFields = ["grants"] as const;

function CreateUser({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useI18n();
  const u = t.admin.users;
  const action = useAction();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [grants, setGrants] = useState<Grant[]>([{ role: "reporter", unitCode: "" }]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(["username", "displayName", "password", ...grantFields], () =>
      api.post("/api/users", { body: { username, displayName, password, grants } }).then(() => undefined),
    );
    if (ok) {
      onDone(u.created(username));
      setUsername("");
      setDisplayName("");
      setPassword("");
      setGrants([{ role: "reporter", unitCode: "" }]);
    }
  };
  return (
    <form className="panel admin-form" onSubmit={submit} noValidate aria-labelledby="user-create-title">
      <h2 id="user-create-title">{u.create}</h2>
      <ActionError action={action} />
      <div className="form-grid">
        <Field label={u.username} error={action.fieldError("username")}>
          {(p) => (
            <input
              {...p}
              autoComplete="off"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={u.displayName} error={action.fieldError("displayName")}>
          {(p) => (
            <input {...p} value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
          )}
        </Field>
        <Field label={u.password} hint={u.passwordHint} error={action.fieldError("password")}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
      </div>
      <GrantsEditor grants={grants} onChange={setGrants} action={action} idPrefix="new-user" />
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {action.busy ? t.admin.saving : u.createSubmit}
      </button>
    </form>
  );
}

function EditGrants({
  user,
  onDone,
  onCancel,
}: {
  user: User;
  onDone: (m: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const u = t.admin.users;
  const action = useAction();
  const [grants, setGrants] = useState<Grant[]>(user.grants);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await action.run(grantFields, () =>
      api.patch("/api/users/{id}", { params: { id: user.id }, body: { grants } }).then(() => undefined),
    );
    if (ok) onDone(u.grantsSaved(user.username));
  };
  return (
    <form
      className="admin-form grants-edit"
      onSubmit={submit}
      noValidate
      aria-label={u.editGrantsOf(user.username)}
    >
      <ActionError action={action} />
      <GrantsEditor grants={grants} onChange={setGrants} action={action} idPrefix="edit-user" />
      <div className="toolbar">
        <button type="submit" className="button button-primary button-small" disabled={action.busy}>
          {action.busy ? t.admin.saving : t.admin.save}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onCancel}>
          {t.admin.cancel}
        </button>
      </div>
    </form>
  );
}

function UserRow({ user, onChanged }: { user: User; onChanged: (m: string) => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const u = t.admin.users;
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const self = me?.username === user.username;
  const toggleActive = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.patch("/api/users/{id}", { params: { id: user.id }, body: { active: !user.active } });
      onChanged(user.active ? u.deactivated(user.username) : u.activated(user.username));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-user={user.username} className={user.active ? undefined : "row-inactive"}>
      <td>
        <strong>{user.username}</strong> {self && <span className="muted small">{u.self}</span>}
      </td>
      <td>{user.displayName}</td>
      <td>
        {editing ? (
          <EditGrants
            user={user}
            onCancel={() => setEditing(false)}
            onDone={(m) => {
              setEditing(false);
              onChanged(m);
            }}
          />
        ) : (
          <ul className="plain">
            {user.grants.map((g) => (
              <li key={`${g.role}@${g.unitCode}`}>
                {t.roles[g.role] ?? g.role} · {g.unitCode}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <span className={`badge ${user.active ? "badge-approved" : "badge-draft"}`}>
          {user.active ? u.active : u.inactive}
        </span>
      </td>
      <td className="nowrap">
        {error ? <ErrorNote error={error} /> : null}
        {!editing && (
          <button
            type="button"
            className="button button-small"
            aria-label={`${u.editGrants}: ${user.username}`}
            onClick={() => setEditing(true)}
          >
            {u.editGrants}
          </button>
        )}{" "}
        {!self && (
          <button
            type="button"
            className={`button button-small ${user.active ? "button-danger" : ""}`}
            aria-label={`${user.active ? u.deactivate : u.activate}: ${user.username}`}
            disabled={busy}
            onClick={() => void toggleActive()}
          >
            {user.active ? u.deactivate : u.activate}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Users with their grants; create one, change grants, deactivate. */
export function UsersAdmin() {
  const { t } = useI18n();
  const u = t.admin.users;
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useLoad(async (signal) => {
    const [users, units] = await Promise.all([
      api.get("/api/users", { signal }),
      api.get("/api/units", { signal }),
    ]);
    return { users, units };
  }, []);
  const changed = (m: string) => {
    setMessage(m);
    loaded.reload();
  };
  return (
    <>
      <h1>{t.admin.sections.users}</h1>
      <Done message={message} />
      <CreateUser onDone={changed} />
      <Show loaded={loaded}>
        {({ users, units }: { users: User[]; units: Unit[] }) => (
          <section className="panel" aria-labelledby="users-title">
            <h2 id="users-title">{u.list}</h2>
            <UnitOptions id="new-user-units" units={units} />
            <UnitOptions id="edit-user-units" units={units} />
            <ScrollRegion className="admin-scroll" label={u.list}>
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">{u.username}</th>
                    <th scope="col">{u.displayName}</th>
                    <th scope="col">{u.grants}</th>
                    <th scope="col">{u.status}</th>
                    <th scope="col">{t.admin.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((user) => (
                    <UserRow key={user.id} user={user} onChanged={changed} />
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        )}
      </Show>
    </>
  );
}
