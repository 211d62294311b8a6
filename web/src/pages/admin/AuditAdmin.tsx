import { type FormEvent, useState } from "react";
import { api, type ResponseOf } from "../../api/client.ts";
import { Show, useLoad } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { dateTime, Field } from "./common.tsx";

type Entry = ResponseOf<"GET /api/audit">["entries"][number];

interface Filters {
  userId: string;
  objectType: string;
  objectId: string;
  action: string;
  from: string;
  to: string;
}

const empty: Filters = { userId: "", objectType: "", objectId: "", action: "", from: "", to: "" };
const pageSize = 50;

/** The start of a local day as an instant; `next` gives the start of the day after (an inclusive "to"). */
function dayStart(day: string, next = false): string | undefined {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  if (next) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

/** A filter chosen from a list, "any" first. */
function Choice({
  label,
  any,
  value,
  onChange,
  options,
}: {
  label: string;
  any: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  options: [string, string][];
}) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value} onChange={onChange}>
          <option value="">{any}</option>
          {options.map(([key, text]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A record as it was or became: a box that scrolls, so the keyboard can reach it (Tab, arrows). */
function Json({ value, label }: { value: unknown; label: string }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
    <section className="audit-json" aria-label={label} tabIndex={0}>
      <pre>{JSON.stringify(value, null, 1)}</pre>
    </section>
  );
}

function Row({ entry }: { entry: Entry }) {
  const { t, lang } = useI18n();
  const a = t.admin.audit;
  return (
    <tr data-audit={entry.id}>
      <td className="nowrap">{dateTime(entry.at, lang)}</td>
      <td>{entry.actorName}</td>
      <td>
        <span className="badge">{a.actions[entry.action] ?? entry.action}</span>
      </td>
      <td>
        {a.types[entry.objectType] ?? entry.objectType} <span className="unit-code">{entry.objectId}</span>
      </td>
      <td>
        <details>
          <summary>{a.change}</summary>
          <div className="audit-change">
            <div>
              <strong>{a.before}</strong>
              <Json value={entry.before} label={`${a.before} #${entry.id}`} />
            </div>
            <div>
              <strong>{a.after}</strong>
              <Json value={entry.after} label={`${a.after} #${entry.id}`} />
            </div>
          </div>
        </details>
      </td>
    </tr>
  );
}

/** The audit trail, newest first, filtered and paged as `GET /api/audit` allows. */
export function AuditAdmin() {
  const { t } = useI18n();
  const a = t.admin.audit;
  const [draft, setDraft] = useState<Filters>(empty);
  const [filters, setFilters] = useState<Filters>(empty);
  // The `before` cursor of each page shown so far: [undefined] is the newest page.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const before = cursors.at(-1);
  const users = useLoad((signal) => api.get("/api/users", { signal }), []);
  const loaded = useLoad(
    (signal) =>
      api.get("/api/audit", {
        query: {
          userId: filters.userId ? Number(filters.userId) : undefined,
          objectType: filters.objectType || undefined,
          objectId: filters.objectId.trim() || undefined,
          action: filters.action || undefined,
          from: dayStart(filters.from),
          to: dayStart(filters.to, true),
          before,
          limit: pageSize,
        },
        signal,
      }),
    [filters, before],
  );
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft((f) => ({ ...f, [k]: e.target.value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
    setCursors([undefined]);
  };
  return (
    <>
      <h1>{t.admin.sections.audit}</h1>
      <form className="panel audit-filters" onSubmit={apply} aria-label={a.filters}>
        <Choice
          label={a.actor}
          any={a.anyone}
          value={draft.userId}
          onChange={set("userId")}
          options={(users.data ?? []).map((u) => [String(u.id), `${u.username} · ${u.displayName}`])}
        />
        <Choice
          label={a.objectType}
          any={a.anyType}
          value={draft.objectType}
          onChange={set("objectType")}
          options={Object.entries(a.types)}
        />
        <Field label={a.objectId} hint={a.objectIdHint}>
          {(p) => <input {...p} value={draft.objectId} onChange={set("objectId")} />}
        </Field>
        <Choice
          label={a.action}
          any={a.anyAction}
          value={draft.action}
          onChange={set("action")}
          options={Object.entries(a.actions)}
        />
        <div className="field-stacked">
          <label htmlFor="audit-from">{a.from}</label>
          <input id="audit-from" type="date" value={draft.from} onChange={set("from")} />
        </div>
        <div className="field-stacked">
          <label htmlFor="audit-to">{a.to}</label>
          <input id="audit-to" type="date" value={draft.to} onChange={set("to")} />
        </div>
        <div className="audit-filter-buttons">
          <button type="submit" className="button button-primary">
            {a.apply}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setDraft(empty);
              setFilters(empty);
              setCursors([undefined]);
            }}
          >
            {a.reset}
          </button>
        </div>
      </form>
      <Show loaded={loaded}>
        {({ entries, nextBefore }) => (
          <section className="panel" aria-label={a.page(cursors.length)} aria-busy={loaded.loading}>
            {entries.length === 0 ? (
              <p className="muted">{a.empty}</p>
            ) : (
              <table className="table table-compact audit-table">
                <thead>
                  <tr>
                    <th scope="col">{a.at}</th>
                    <th scope="col">{a.actor}</th>
                    <th scope="col">{a.action}</th>
                    <th scope="col">{a.object}</th>
                    <th scope="col">{a.change}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <Row key={entry.id} entry={entry} />
                  ))}
                </tbody>
              </table>
            )}
            <nav className="toolbar pager" aria-label={a.page(cursors.length)}>
              <button
                type="button"
                className="button button-small"
                disabled={cursors.length <= 1}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                {a.newer}
              </button>
              <span>{a.page(cursors.length)}</span>
              <button
                type="button"
                className="button button-small"
                disabled={nextBefore === null}
                onClick={() => nextBefore !== null && setCursors((c) => [...c, nextBefore])}
              >
                {a.older}
              </button>
            </nav>
          </section>
        )}
      </Show>
    </>
  );
}
