import { useState } from "react";
import { api } from "../../api/client.ts";
import { ErrorNote, Show, useLoad } from "../../components/common.tsx";
import { date } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Done, dateTime, Field } from "./common.tsx";
import { NoticeFormSettings } from "./NoticeFormSettings.tsx";

const kinds = [
  "form_open",
  "due_soon",
  "due_today",
  "overdue",
  "escalation",
  "escalation_province",
  "approvals_waiting",
  "returned",
] as const;
type Kind = (typeof kinds)[number];
const states = ["pending", "sent", "failed"] as const;
type State = (typeof states)[number];
const pageSize = 20;

function KindChoice({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const n = t.noticesAdmin;
  return (
    <Field label={n.kind}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{n.anyKind}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {n.kinds[k]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Pager({ offset, total, onMove }: { offset: number; total: number; onMove: (o: number) => void }) {
  const { t } = useI18n();
  const n = t.noticesAdmin;
  if (total <= pageSize) return null;
  return (
    <p className="pager">
      <button
        type="button"
        className="button"
        disabled={offset === 0}
        onClick={() => onMove(offset - pageSize)}
      >
        {n.previous}
      </button>{" "}
      <span>{n.page(offset + 1, Math.min(offset + pageSize, total), total)}</span>{" "}
      <button
        type="button"
        className="button"
        disabled={offset + pageSize >= total}
        onClick={() => onMove(offset + pageSize)}
      >
        {n.next}
      </button>
    </p>
  );
}

/** Sắp gửi: what the next days' sweeps will send. */
function Upcoming() {
  const { t, lang, pick } = useI18n();
  const n = t.noticesAdmin;
  const [days, setDays] = useState(7);
  const [kind, setKind] = useState("");
  const [offset, setOffset] = useState(0);
  const loaded = useLoad(
    (signal) =>
      api.page("/api/notifications/admin/upcoming", {
        query: { days, kind: (kind || undefined) as Kind | undefined, limit: pageSize, offset },
        signal,
      }),
    [days, kind, offset],
  );
  return (
    <section className="panel" aria-labelledby="notices-upcoming">
      <h2 id="notices-upcoming">{n.upcoming}</h2>
      <p className="muted">{n.upcomingIntro}</p>
      <div className="filters">
        <Field label={n.days}>
          {(p) => (
            <select
              {...p}
              value={days}
              onChange={(e) => {
                setDays(Number(e.target.value));
                setOffset(0);
              }}
            >
              {[1, 3, 7, 14, 31].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          )}
        </Field>
        <KindChoice
          value={kind}
          onChange={(v) => {
            setKind(v);
            setOffset(0);
          }}
        />
      </div>
      <Show loaded={loaded}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p>{n.none}</p>
          ) : (
            <>
              <p className="muted">{n.total(total)}</p>
              <table className="table" data-table="upcoming">
                <thead>
                  <tr>
                    <th scope="col">{n.day}</th>
                    <th scope="col">{n.kind}</th>
                    <th scope="col">{n.recipient}</th>
                    <th scope="col">{n.unit}</th>
                    <th scope="col">{n.title}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((u) => (
                    <tr key={`${u.day}|${u.kind}|${u.recipient.id}|${u.form}|${u.period}|${u.unit}`}>
                      <td className="nowrap">{date(u.day, lang)}</td>
                      <td>{n.kinds[u.kind] ?? u.kind}</td>
                      <td>{u.recipient.displayName}</td>
                      <td className="unit-code">{u.unit ?? u.units.join(", ")}</td>
                      <td>{pick(u.title, u.title_en)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager offset={offset} total={total} onMove={setOffset} />
            </>
          )
        }
      </Show>
    </section>
  );
}

/** Nhật ký gửi: what was sent, its delivery, and resend. */
function SentLog() {
  const { t, lang, pick } = useI18n();
  const n = t.noticesAdmin;
  const [status, setStatus] = useState("");
  const [kind, setKind] = useState("");
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const loaded = useLoad(
    (signal) =>
      api.page("/api/notifications/admin/log", {
        query: {
          status: (status || undefined) as State | undefined,
          kind: (kind || undefined) as Kind | undefined,
          limit: pageSize,
          offset,
        },
        signal,
      }),
    [status, kind, offset],
  );
  const resend = (id: number) =>
    api
      .post("/api/notifications/admin/log/{id}/resend", { params: { id } })
      .then(() => {
        setError(null);
        setDone(n.resent(id));
        loaded.reload();
      })
      .catch((e) => {
        setDone(null);
        setError(e);
      });
  return (
    <section className="panel" aria-labelledby="notices-log">
      <h2 id="notices-log">{n.log}</h2>
      <div className="filters">
        <Field label={n.status}>
          {(p) => (
            <select
              {...p}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value);
                setOffset(0);
              }}
            >
              <option value="">{n.anyStatus}</option>
              {states.map((s) => (
                <option key={s} value={s}>
                  {n.states[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <KindChoice
          value={kind}
          onChange={(v) => {
            setKind(v);
            setOffset(0);
          }}
        />
      </div>
      {error ? <ErrorNote error={error} /> : null}
      <Done message={done} />
      <Show loaded={loaded}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p>{n.none}</p>
          ) : (
            <>
              <p className="muted">{n.total(total)}</p>
              <table className="table" data-table="log">
                <thead>
                  <tr>
                    <th scope="col">{n.sentAt}</th>
                    <th scope="col">{n.kind}</th>
                    <th scope="col">{n.recipient}</th>
                    <th scope="col">{n.unit}</th>
                    <th scope="col">{n.title}</th>
                    <th scope="col">{n.status}</th>
                    <th scope="col">{n.email}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr key={e.id} data-notice={e.id}>
                      <td className="nowrap">{dateTime(e.createdAt, lang)}</td>
                      <td>{n.kinds[e.kind] ?? e.kind}</td>
                      <td>{e.recipient.displayName}</td>
                      <td className="unit-code">{e.unit ?? "—"}</td>
                      <td>{pick(e.title, e.title_en)}</td>
                      <td>
                        <span className={`badge badge-${e.status}`}>{n.states[e.status]}</span>
                      </td>
                      <td>
                        {e.email ? (
                          <>
                            {e.email.address} · {n.attempts(e.email.attempts)}
                            {e.email.lastError && <div className="note-error-text">{e.email.lastError}</div>}{" "}
                            {e.email.status !== "sending" && (
                              <button
                                type="button"
                                className="button button-quiet"
                                onClick={() => void resend(e.id)}
                              >
                                {n.resend}
                              </button>
                            )}
                          </>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager offset={offset} total={total} onMove={setOffset} />
            </>
          )
        }
      </Show>
    </section>
  );
}

/** The admin's view of the notices: upcoming, the sent log with resend, each form's settings. */
export function NoticesAdmin() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t.admin.sections.notices}</h1>
      <Upcoming />
      <SentLog />
      <NoticeFormSettings />
    </>
  );
}
