import type { ReactNode } from "react";
import { api, type ResponseOf } from "../../api/client.ts";
import { ScrollRegion } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { asUpload, PreviewThenApplyForm, usePreviewThenApply } from "./file-preview.tsx";

type Summary = ResponseOf<"POST /api/units/reform">;

function send(file: File, dryRun: boolean): Promise<Summary> {
  return api.post("/api/units/reform", {
    body: asUpload(file),
    query: { dryRun: dryRun ? "true" : "false" },
  });
}

/** A titled table, left out when it has no row. */
function Listing({ title, head, rows }: { title: string; head: string[]; rows: ReactNode[][] }) {
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ScrollRegion className="admin-scroll" label={title}>
        <table className="table table-compact">
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows are a fixed list for one answer
              <tr key={i}>
                {cells.map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells in column order
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function ReformSummary({ summary, title }: { summary: Summary; title: string }) {
  const { t, pick } = useI18n();
  const m = t.reform;
  const todo = <S extends { action: string }>(steps: S[]) => steps.filter((s) => s.action !== "unchanged");
  const { forms, plans, assessments } = summary.touched;
  return (
    <section className="panel" aria-labelledby="reform-summary-title">
      <h2 id="reform-summary-title">{title}</h2>
      <p role="status">{m.counts(summary.counts)}</p>
      {summary.status === "ERROR" && <p className="note note-warning">{m.fixFirst}</p>}
      <Listing
        title={m.problems}
        head={[m.where, m.problems]}
        rows={summary.problems.map((p) => [p.path, pick(p.message, p.message_en)])}
      />
      <Listing
        title={m.opens}
        head={[m.code, t.admin.name, m.parent, m.level, m.predecessors]}
        rows={todo(summary.opens).map((o) => [
          o.code,
          o.nameVi,
          o.parentCode ?? "—",
          o.level,
          o.predecessors.map((p) => (p.part ? `${p.code} (${m.part})` : p.code)).join(", "),
        ])}
      />
      <Listing
        title={m.closes}
        head={[m.code, m.heir]}
        rows={todo(summary.closes).map((c) => [c.code, c.heir ?? "—"])}
      />
      <Listing
        title={m.moves}
        head={[m.code, m.from, m.to]}
        rows={todo(summary.moves).map((mv) => [
          mv.code,
          `${mv.fromParent ?? "—"} (${mv.fromLevel})`,
          `${mv.toParent ?? "—"} (${mv.level})`,
        ])}
      />
      <Listing
        title={m.users}
        head={[m.user, m.role, m.unit]}
        rows={summary.touched.grants.map((g) => [`${g.displayName} (${g.username})`, g.role, g.unitCode])}
      />
      {forms.length + plans.length + assessments.length > 0 && (
        <p className="note">{m.others(forms.length, plans.length, assessments.length)}</p>
      )}
    </section>
  );
}

/**
 * A reorganisation from one file (POST /api/units/reform, province admin): preview what opens,
 * closes and moves and who needs reassigning, then apply it in one transaction.
 */
export function ReformAdmin() {
  const { t } = useI18n();
  const m = t.reform;
  const flow = usePreviewThenApply<Summary>(send, "problems");
  const { preview, result } = flow;
  const changes = preview ? preview.counts.open + preview.counts.close + preview.counts.move : 0;

  return (
    <>
      <h1>{t.admin.sections.reform}</h1>
      <p className="muted">{m.intro}</p>
      <PreviewThenApplyForm
        flow={flow}
        words={{ ...m, hint: m.columns }}
        label={t.admin.sections.reform}
        ready={preview?.status === "OK" && changes > 0}
        footer={preview?.status === "OK" && changes === 0 && <p className="muted">{m.nothingNew}</p>}
      />
      {preview && <ReformSummary summary={preview} title={m.previewTitle} />}
      {result && <ReformSummary summary={result} title={m.resultTitle} />}
    </>
  );
}
