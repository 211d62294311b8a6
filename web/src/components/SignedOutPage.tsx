import type { ReactNode } from "react";
import { useI18n } from "../i18n/index.tsx";
import { LanguageSwitch } from "./Header.tsx";

/**
 * The frame of the pages seen before signing in (login, first run, one-time password link): the
 * language switch, then a card with the brand and the page's own content; `after` follows the card.
 */
export function SignedOutPage(props: {
  subtitle?: ReactNode;
  cardClass?: string;
  children: ReactNode;
  after?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <main className="login-page" id="main">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <div className={props.cardClass ? `login-card ${props.cardClass}` : "login-card"}>
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <strong>{t.app.name}</strong>
            <div className="brand-sub">{props.subtitle ?? t.app.tagline}</div>
          </div>
        </div>
        {props.children}
      </div>
      {props.after}
    </main>
  );
}
