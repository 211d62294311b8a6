import { useEffect, useState } from "react";
import { api } from "../api/client.ts";
import { useI18n } from "../i18n/index.tsx";
import { Link, usePath } from "../router.tsx";

/** How often the bell asks for the unread count. */
const POLL_MS = 60_000;
/** Sent by the notification page when it marks notices read, so the bell updates at once. */
export const NOTICES_CHANGED = "chiso-notices-changed";

/** Chuông thông báo: the unread count, linking to the notification centre. */
export function Bell() {
  const { t } = useI18n();
  const path = usePath();
  const [unread, setUnread] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page is a moment to look again
  useEffect(() => {
    const abort = new AbortController();
    const load = () =>
      api
        .get("/api/notifications/unread-count", { signal: abort.signal })
        .then((r) => setUnread(r.unread))
        .catch(() => {});
    void load();
    const timer = window.setInterval(load, POLL_MS);
    window.addEventListener(NOTICES_CHANGED, load);
    return () => {
      abort.abort();
      window.clearInterval(timer);
      window.removeEventListener(NOTICES_CHANGED, load);
    };
  }, [path]);
  return (
    <Link
      to="/notifications"
      className="button button-quiet bell"
      aria-label={t.notices.bell(unread)}
      aria-current={path.startsWith("/notifications") ? "page" : undefined}
    >
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span className="badge bell-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
