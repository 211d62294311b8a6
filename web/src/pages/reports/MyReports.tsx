import { api, type ResponseOf } from "../../api/client.ts";
import { Show, StatusBadge, useLoad } from "../../components/common.tsx";
import { date } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";

type Item = ResponseOf<"GET /api/worklist">["items"][number];
const GROUPS = ["returned", "overdue", "due", "open", "submitted"] as const;

function WorkItem({ item }: { item: Item }) {
  const { t, lang, pick } = useI18n();
  const to = `/reports/${encodeURIComponent(item.form)}/${encodeURIComponent(item.unit)}/${item.period}`;
  const action =
    item.state === "submitted" ? t.worklist.view : item.submissionId ? t.worklist.edit : t.worklist.open;
  return (
    <li className={`work work-${item.state}`} data-period={item.period} data-unit={item.unit}>
      <div className="work-main">
        <p className="work-title">
          <strong>{lang === "vi" ? item.periodLabelVi : item.periodLabelEn}</strong> ·{" "}
          {pick(item.unitNameVi, item.unitNameEn)}
        </p>
        <p className="muted small">{pick(item.formNameVi, item.formNameEn)}</p>
        <p className="small">
          {t.worklist.due(date(item.dueDate, lang))}
          {item.lockDate ? `, ${t.worklist.lock(date(item.lockDate, lang))}` : ""} ·{" "}
          <StatusBadge status={item.status} />
        </p>
        {item.returnReason && (
          <p className="return-reason">
            <strong>{t.worklist.reason}:</strong> {item.returnReason}
          </p>
        )}
      </div>
      <Link className="button button-primary" to={to}>
        {action}
      </Link>
    </li>
  );
}

/** Việc cần làm: the reports to write, correct or awaiting approval, most urgent first. */
export default function MyReports() {
  const { t } = useI18n();
  const loaded = useLoad((signal) => api.get("/api/worklist", { signal }), []);
  return (
    <section className="page" aria-labelledby="worklist-title">
      <h1 id="worklist-title">{t.worklist.title}</h1>
      <p className="muted">{t.worklist.intro}</p>
      <Show loaded={loaded}>
        {(list) => (
          <>
            {list.items.length === 0 && <p>{t.worklist.empty}</p>}
            {GROUPS.map((g) => {
              const items = list.items.filter((i) => i.state === g);
              if (items.length === 0) return null;
              return (
                <section key={g} className="work-group" aria-labelledby={`group-${g}`}>
                  <h2 id={`group-${g}`}>
                    {t.worklist.groups[g]} <span className="count">{items.length}</span>
                  </h2>
                  <ul className="work-list">
                    {items.map((i) => (
                      <WorkItem key={`${i.form}-${i.unit}-${i.period}`} item={i} />
                    ))}
                  </ul>
                </section>
              );
            })}
            {list.lockedMissing > 0 && (
              <p className="muted small">{t.worklist.lockedMissing(list.lockedMissing)}</p>
            )}
          </>
        )}
      </Show>
    </section>
  );
}
