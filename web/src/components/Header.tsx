import { useI18n } from "../i18n/index.tsx";
import { Link, navigate, usePath } from "../router.tsx";
import { type Role, useSession } from "../session.tsx";
import { Bell } from "./Bell.tsx";

interface Item {
  to: string;
  label: (t: ReturnType<typeof useI18n>["t"]) => string;
  roles?: Role[];
}

/** The navigation, each entry shown only to the roles that can use its screen. */
const items: Item[] = [
  { to: "/ioc", label: (t) => t.nav.ioc },
  { to: "/reports", label: (t) => t.nav.reports, roles: ["reporter"] },
  { to: "/approvals", label: (t) => t.nav.approvals, roles: ["approver"] },
  { to: "/quality", label: (t) => t.quality.nav, roles: ["approver", "viewer"] },
  { to: "/plan-report", label: (t) => t.nav.planReport },
  { to: "/exchange", label: (t) => t.jobs.nav, roles: ["reporter"] },
  { to: "/plan", label: (t) => t.nav.plan },
  { to: "/index", label: (t) => t.nav.index },
  { to: "/admin", label: (t) => t.nav.admin, roles: ["admin"] },
];

/** The page is the entry's or one below it (/reports/… under /reports, not /plan-report under /plan). */
const isUnder = (path: string, to: string) =>
  path === to || path.startsWith(`${to}/`) || path.startsWith(`${to}?`);

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <button
      type="button"
      className="button button-quiet"
      lang={lang === "vi" ? "en" : "vi"}
      aria-label={`${t.app.language}: ${t.app.switchTo}`}
      onClick={() => setLang(lang === "vi" ? "en" : "vi")}
    >
      {t.app.switchTo}
    </button>
  );
}

export function Header() {
  const { t } = useI18n();
  const { me, can, logout } = useSession();
  const path = usePath();
  const shown = items.filter((i) => !i.roles || i.roles.some(can));
  return (
    <header className="top">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span>
          <strong>{t.app.name}</strong> <span className="brand-sub">{t.app.tagline}</span>
        </span>
      </div>
      <nav aria-label={t.nav.label}>
        <ul>
          {shown.map((i) => (
            <li key={i.to}>
              <Link to={i.to} aria-current={isUnder(path, i.to) ? "page" : undefined}>
                {i.label(t)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="who">
        <span className="muted" title={me?.username}>
          {t.nav.signedInAs(me?.displayName ?? "")}
        </span>
        <Bell />
        <LanguageSwitch />
        <button
          type="button"
          className="button button-quiet"
          onClick={() => logout().then(() => navigate("/", true))}
        >
          {t.nav.logout}
        </button>
      </div>
    </header>
  );
}
