import { useState } from "react";
import { vietnamDate } from "../../../../src/domain/period/index.ts";
import { api } from "../../api/client.ts";
import { NOTICES_CHANGED } from "../../components/Bell.tsx";
import { ErrorNote, Show, useLoad } from "../../components/common.tsx";
import { date } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";

/** Trung tâm thông báo: my notices, newest first; unread ones marked, each can be marked read. */
export default function NotificationsPage() {
  const { t, lang, pick } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const loaded = useLoad(
    (signal) => api.get("/api/notifications", { query: { unread: unreadOnly ? "true" : "false" }, signal }),
    [unreadOnly],
  );
  const markRead = (ids?: number[]) =>
    api
      .post("/api/notifications/read", { body: ids ? { ids } : {} })
      .then(() => {
        setError(null);
        window.dispatchEvent(new Event(NOTICES_CHANGED));
        loaded.reload();
      })
      .catch(setError);
  return (
    <section className="page" aria-labelledby="notices-title">
      <h1 id="notices-title">{t.notices.title}</h1>
      {error ? <ErrorNote error={error} /> : null}
      <p>
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />{" "}
          {t.notices.unreadOnly}
        </label>{" "}
        <button type="button" className="button" onClick={() => void markRead()}>
          {t.notices.markAllRead}
        </button>{" "}
        <Link to="/notifications/settings">{t.notices.settings}</Link>
      </p>
      <Show loaded={loaded}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t.notices.empty}</p>
          ) : (
            <ul className="notices">
              {list.items.map((n) => (
                <li key={n.id} className={n.readAt ? "notice" : "notice notice-unread"}>
                  <h2>
                    {!n.readAt && <span className="badge">{t.notices.unread}</span>}{" "}
                    {pick(n.title, n.title_en)}
                  </h2>
                  <p>{pick(n.body, n.body_en)}</p>
                  <p className="muted">
                    {date(vietnamDate(new Date(n.createdAt)), lang)}
                    {n.mandatory ? ` · ${t.notices.mandatory}` : ""}
                    {!n.readAt && (
                      <>
                        {" "}
                        <button
                          type="button"
                          className="button button-quiet"
                          onClick={() => void markRead([n.id])}
                        >
                          {t.notices.markRead}
                        </button>
                      </>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}
