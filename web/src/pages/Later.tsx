import { useI18n } from "../i18n/index.tsx";

/** The screens of the web application's second part (index, administration): a place, not yet a page. */
export function Later() {
  const { t } = useI18n();
  return (
    <section className="page">
      <h1>{t.later.title}</h1>
      <p>{t.later.body}</p>
    </section>
  );
}
