import type { ReactNode } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";
import { AuditAdmin } from "./AuditAdmin.tsx";
import { FormDetail, FormsAdmin } from "./FormsAdmin.tsx";
import { FrameworkDetail, FrameworksAdmin } from "./FrameworksAdmin.tsx";
import { ImportsAdmin } from "./ImportsAdmin.tsx";
import { MetricsAdmin } from "./MetricsAdmin.tsx";
import { NoticesAdmin } from "./NoticesAdmin.tsx";
import { PlanDetail } from "./plans/PlanDetail.tsx";
import { PlansAdmin } from "./plans/PlanList.tsx";
import { ReformAdmin } from "./ReformAdmin.tsx";
import { UnitsAdmin } from "./UnitsAdmin.tsx";
import { UsersAdmin } from "./UsersAdmin.tsx";

export const sections = [
  "units",
  "users",
  "audit",
  "metrics",
  "forms",
  "frameworks",
  "plans",
  "imports",
  "reform",
  "notices",
] as const;
type Section = (typeof sections)[number];

function screen(section: Section, code: string | undefined): ReactNode {
  switch (section) {
    case "units":
      return <UnitsAdmin />;
    case "users":
      return <UsersAdmin />;
    case "audit":
      return <AuditAdmin />;
    case "metrics":
      return <MetricsAdmin />;
    case "forms":
      return code ? <FormDetail code={code} /> : <FormsAdmin />;
    case "frameworks":
      return code ? <FrameworkDetail code={code} /> : <FrameworksAdmin />;
    case "plans":
      return code ? <PlanDetail code={code} /> : <PlansAdmin />;
    case "imports":
      return <ImportsAdmin />;
    case "reform":
      return <ReformAdmin />;
    case "notices":
      return <NoticesAdmin />;
  }
}

/** The administration: a side list of its sections and the chosen one (admins only; App checks). */
export default function AdminPage({ section, code }: { section?: string; code?: string }) {
  const { t } = useI18n();
  const current = sections.find((s) => s === section);
  const known = section === undefined || current !== undefined;
  return (
    <section className="page admin" aria-labelledby="admin-title">
      <div className="admin-layout">
        <nav className="admin-nav" aria-label={t.admin.sectionsLabel}>
          <p className="admin-nav-title" id="admin-title">
            <Link to="/admin">{t.admin.title}</Link>
          </p>
          <ul>
            {sections.map((s) => (
              <li key={s}>
                <Link to={`/admin/${s}`} aria-current={s === current ? "page" : undefined}>
                  {t.admin.sections[s]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="admin-body">
          {current ? (
            screen(current, code)
          ) : known ? (
            <>
              <h1>{t.admin.title}</h1>
              <p className="muted">{t.admin.hubIntro}</p>
              <ul className="admin-hub">
                {sections.map((s) => (
                  <li key={s} className="panel">
                    <h2>
                      <Link to={`/admin/${s}`}>{t.admin.sections[s]}</Link>
                    </h2>
                    <p className="muted">{t.admin.intros[s]}</p>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t.app.notFound}</p>
          )}
        </div>
      </div>
    </section>
  );
}
