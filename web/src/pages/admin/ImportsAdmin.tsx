import { useState } from "react";
import { api, type ResponseOf } from "../../api/client.ts";
import { ScrollRegion } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { dateTime, Field } from "./common.tsx";
import { asUpload, PreviewThenApplyForm, usePreviewThenApply } from "./file-preview.tsx";

type Kind = "units" | "users";
type UnitSummary = ResponseOf<"POST /api/units/import">;
type UserSummary = ResponseOf<"POST /api/users/import">;
type Summary = UnitSummary | UserSummary;
type Row = UnitSummary["rows"][number] | UserSummary["rows"][number];

const badge = { create: "badge badge-approved", unchanged: "badge", rejected: "badge badge-returned" };

function send(kind: Kind, file: File, dryRun: boolean): Promise<Summary> {
  const options = { body: asUpload(file), query: { dryRun: dryRun ? "true" : "false" } } as const;
  return kind === "units" ? api.post("/api/units/import", options) : api.post("/api/users/import", options);
}

function SummaryTable({ summary, title }: { summary: Summary; title: string }) {
  const { t, pick } = useI18n();
  const m = t.imports;
  return (
    <section className="panel" aria-labelledby="import-summary-title">
      <h2 id="import-summary-title">{title}</h2>
      <p role="status">{m.counts(summary.counts)}</p>
      {summary.status === "ERROR" && <p className="note note-warning">{m.fixFirst}</p>}
      <ScrollRegion className="admin-scroll" label={title}>
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{m.row}</th>
              <th scope="col">{m.key}</th>
              <th scope="col">{m.action}</th>
              <th scope="col">{m.problems}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((r: Row) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{"code" in r ? r.code : r.username}</td>
                <td>
                  <span className={badge[r.action]}>{m.actions[r.action]}</span>
                </td>
                <td>{r.issues.map((i) => pick(i.message, i.message_en)).join(" ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

function Links({ links }: { links: UserSummary["links"] }) {
  const { t, lang } = useI18n();
  const m = t.imports;
  if (links.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="import-links-title">
      <h2 id="import-links-title">{m.linksTitle}</h2>
      <p className="note note-warning">{m.linksNote}</p>
      <ScrollRegion className="admin-scroll" label={m.linksTitle}>
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t.admin.users.username}</th>
              <th scope="col">URL</th>
              <th scope="col">{m.expires}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.username}>
                <td>{l.username}</td>
                <td>
                  <code>{`${window.location.origin}${l.path}`}</code>
                </td>
                <td>{dateTime(l.expiresAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/**
 * Loading the unit list or the users from a file (POST /api/units/import, /api/users/import):
 * choose the file, preview it row by row (a dry run), then confirm; the users' one-time password
 * links are shown once, after the load.
 */
export function ImportsAdmin() {
  const { t } = useI18n();
  const m = t.imports;
  const [kind, setKind] = useState<Kind>("units");
  const flow = usePreviewThenApply<Summary>((file, dryRun) => send(kind, file, dryRun), "rows");
  const { preview, result } = flow;
  const ready = preview?.status === "OK" && preview.counts.create > 0;

  return (
    <>
      <h1>{t.admin.sections.imports}</h1>
      <p className="muted">{m.intro}</p>
      <PreviewThenApplyForm
        flow={flow}
        words={m}
        label={t.admin.sections.imports}
        ready={ready}
        footer={
          preview?.status === "OK" && preview.counts.create === 0 && <p className="muted">{m.nothingNew}</p>
        }
      >
        <Field label={m.kind} hint={m.columns[kind]}>
          {(p) => (
            <select
              {...p}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                flow.reset();
              }}
            >
              <option value="units">{m.kinds.units}</option>
              <option value="users">{m.kinds.users}</option>
            </select>
          )}
        </Field>
      </PreviewThenApplyForm>
      {preview && <SummaryTable summary={preview} title={m.previewTitle} />}
      {result && <SummaryTable summary={result} title={m.resultTitle} />}
      {result && "links" in result && <Links links={result.links} />}
    </>
  );
}
