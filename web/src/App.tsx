import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import { api } from "./api/client.ts";
import { Loading } from "./components/common.tsx";
import { Header } from "./components/Header.tsx";
import { useI18n } from "./i18n/index.tsx";
import { LoginDialog, LoginPage } from "./pages/Login.tsx";
import { match, Redirect, usePath } from "./router.tsx";
import { type Role, useSession } from "./session.tsx";

// Each screen is its own chunk: a reporter on a phone never downloads the IOC's charts.
const IocPage = lazy(() => import("./pages/ioc/IocPage.tsx"));
const MyReports = lazy(() => import("./pages/reports/MyReports.tsx"));
const ReportForm = lazy(() => import("./pages/reports/ReportForm.tsx"));
const Approvals = lazy(() => import("./pages/approvals/Approvals.tsx"));
const ApprovalDetail = lazy(() => import("./pages/approvals/ApprovalDetail.tsx"));
const QualityPage = lazy(() => import("./pages/quality/QualityPage.tsx"));
const PlanReport = lazy(() => import("./pages/planreport/PlanReport.tsx"));
const PlanPage = lazy(() => import("./pages/plan/PlanPage.tsx"));
const AdminPage = lazy(() => import("./pages/admin/AdminPage.tsx"));
const IndexPage = lazy(() => import("./pages/index/IndexPage.tsx"));
const ScorecardPage = lazy(() => import("./pages/index/Scorecard.tsx"));
const AppraisalPage = lazy(() => import("./pages/index/Appraisal.tsx"));
const ExchangePage = lazy(() => import("./pages/exchange/ExchangePage.tsx"));
const SetupPage = lazy(() => import("./pages/Setup.tsx"));
const SetPasswordPage = lazy(() => import("./pages/SetPassword.tsx"));
const NotificationsPage = lazy(() => import("./pages/notifications/NotificationsPage.tsx"));
const NoticeSettingsPage = lazy(() => import("./pages/notifications/NoticeSettingsPage.tsx"));

interface Route {
  pattern: string;
  /** Shown only to holders of one of these roles (any signed-in user when absent). */
  roles?: Role[];
  render: (params: Record<string, string>) => ReactNode;
}

const routes: Route[] = [
  { pattern: "/ioc", render: () => <IocPage /> },
  { pattern: "/reports", roles: ["reporter"], render: () => <MyReports /> },
  {
    pattern: "/reports/:form/:unit/:period",
    roles: ["reporter", "approver", "viewer"],
    render: (p) => <ReportForm form={p.form ?? ""} unit={p.unit ?? ""} period={p.period ?? ""} />,
  },
  { pattern: "/approvals", roles: ["approver"], render: () => <Approvals /> },
  {
    pattern: "/approvals/:id",
    roles: ["approver"],
    render: (p) => <ApprovalDetail id={Number(p.id)} />,
  },
  { pattern: "/quality", roles: ["approver", "viewer"], render: () => <QualityPage /> },
  { pattern: "/plan-report", render: () => <PlanReport /> },
  { pattern: "/exchange", roles: ["reporter"], render: () => <ExchangePage /> },
  { pattern: "/plan", render: () => <PlanPage /> },
  { pattern: "/index", render: () => <IndexPage /> },
  {
    pattern: "/index/:code/units/:unit",
    render: (p) => <ScorecardPage code={p.code ?? ""} unit={p.unit ?? ""} />,
  },
  {
    pattern: "/index/:code/appraisal",
    roles: ["appraiser"],
    render: (p) => <AppraisalPage code={p.code ?? ""} />,
  },
  { pattern: "/notifications", render: () => <NotificationsPage /> },
  { pattern: "/notifications/settings", render: () => <NoticeSettingsPage /> },
  { pattern: "/admin", roles: ["admin"], render: () => <AdminPage /> },
  { pattern: "/admin/:section", roles: ["admin"], render: (p) => <AdminPage section={p.section} /> },
  {
    pattern: "/admin/:section/:code",
    roles: ["admin"],
    render: (p) => <AdminPage section={p.section} code={p.code} />,
  },
];

/** Where a user lands: a reporter on the reports to write, everyone else on the IOC. */
function home(can: (role: Role) => boolean): string {
  if (can("reporter") && !can("admin")) return "/reports";
  if (can("approver") && !can("admin") && !can("viewer")) return "/approvals";
  return "/ioc";
}

function Routes() {
  const path = usePath();
  const { can } = useSession();
  const { t } = useI18n();
  if (path === "/" || path.startsWith("/login")) return <Redirect to={home(can)} />;
  for (const route of routes) {
    const params = match(route.pattern, path);
    if (!params) continue;
    if (route.roles && !route.roles.some(can)) return <Redirect to={home(can)} />;
    return <Suspense fallback={<Loading />}>{route.render(params)}</Suspense>;
  }
  return <p>{t.app.notFound}</p>;
}

/** Nobody signed in: the login, or on an empty install the first run (GET /api/setup). */
function SignedOut() {
  const [needed, setNeeded] = useState<boolean>();
  useEffect(() => {
    api
      .get("/api/setup")
      .then((answer) => setNeeded(answer.needed))
      .catch(() => setNeeded(false));
  }, []);
  if (needed === undefined) return <Loading />;
  if (!needed) return <LoginPage />;
  return (
    <Suspense fallback={<Loading />}>
      <SetupPage onSetUpElsewhere={() => setNeeded(false)} />
    </Suspense>
  );
}

export function App() {
  const { me, expired } = useSession();
  const { t } = useI18n();
  const path = usePath();
  // A one-time password link opens its page whoever is signed in on this browser.
  if (path === "/set-password") {
    return (
      <Suspense fallback={<Loading />}>
        <SetPasswordPage />
      </Suspense>
    );
  }
  if (me === undefined) return <Loading />;
  if (me === null) return <SignedOut />;
  return (
    <>
      <a className="skip" href="#main">
        {t.app.skip}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Routes />
      </main>
      {expired && <LoginDialog />}
    </>
  );
}
