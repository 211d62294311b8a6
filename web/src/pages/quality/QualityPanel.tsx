import { api, type ResponseOf } from "../../api/client.ts";
import { useLoad } from "../../components/common.tsx";
import { num } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";

export type ReportQuality = ResponseOf<"GET /api/submissions/{id}/quality">;
type Flagged = ReportQuality["values"][number];

/** Why one value is flagged: each rule's sentence from the server, in the page's language. */
export function FlagReasons({ value }: { value: Pick<Flagged, "flags"> }) {
  const { pick } = useI18n();
  return (
    <ul className="quality-reasons">
      {value.flags.map((f) => (
        <li key={f.rule} data-rule={f.rule}>
          {pick(f.messageVi, f.messageEn)}
        </li>
      ))}
    </ul>
  );
}

export const expectedText = (f: Flagged["flags"][number], lang: "vi" | "en") =>
  `${num(f.expected.low, lang)} – ${num(f.expected.high, lang)}`;

/**
 * The report's values out of line with the unit's history or its group (issue 17.2), for the
 * entry form (reloaded after each save: a flagged value without a note asks for one; the save
 * is never refused) and for the approver.
 */
export function QualityPanel({
  id,
  refresh,
  loaded: given,
}: {
  id: number | null | undefined;
  refresh?: unknown;
  /** The answer already read by the page (the approver's view marks the rows of its table too). */
  loaded?: ReportQuality;
}) {
  const { t } = useI18n();
  const loaded = useLoad(
    (signal) =>
      given
        ? Promise.resolve(given)
        : id
          ? api.get("/api/submissions/{id}/quality", { params: { id }, signal })
          : Promise.resolve(null),
    [id, refresh, given],
  );
  const values = loaded.data?.values ?? [];
  if (!id || loaded.data === undefined) return null;
  return (
    <section className="panel quality-panel" aria-labelledby="quality-title" data-flagged={values.length}>
      <h2 id="quality-title">{t.quality.panelTitle}</h2>
      {values.length === 0 ? (
        <p className="muted small">{t.quality.none}</p>
      ) : (
        <>
          <p className="muted small">{t.quality.panelIntro}</p>
          <ul className="quality-list">
            {values.map((v) => (
              <li key={v.metric} className="note note-warning" data-quality-metric={v.metric}>
                <strong>{v.metricName}</strong>
                <FlagReasons value={v} />
                {v.needsComment ? (
                  <p className="note-warning-text" data-needs-comment="true">
                    {t.quality.needsComment}
                  </p>
                ) : (
                  <p className="small">{t.quality.commented(v.comment ?? "")}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
