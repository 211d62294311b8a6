import { type FormEvent, useState } from "react";
import { ApiError, api, type ResponseOf } from "../../api/client.ts";
import { ScrollRegion } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { ActionError, dateTime, Field, useAction } from "./common.tsx";

type Kind = "units" | "users";
type UnitSummary = ResponseOf<"POST /api/units/import">;
type UserSummary = ResponseOf<"POST /api/users/import">;
type Summary = UnitSummary | UserSummary;
type Row = UnitSummary["rows"][number] | UserSummary["rows"][number];

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const badge = { create: "badge badge-approved", unchanged: "badge", rejected: "badge badge-returned" };

/** The file with the content type the server reads it by (a browser may call a CSV anything). */
const asUpload = (file: File): Blob =>
  new Blob([file], { type: /\.xlsx$/i.test(file.name) ? XLSX : "text/csv" });

function send(kind: Kind, file: File, dryRun: boolean): Promise<Summary> {
  const options = { body: asUpload(file), query: { dryRun: dryRun ? "true" : "false" } } as const;
  return kind === "units" ? api.post("/api/units/import", options) : api.post("/api/users/import", options);
}

/** The server's summary inside a 409 IMPORT_REJECTED (a row became rejected since the preview). */
const rejectedSummary = (e: unknown): Summary | null =>
  e instanceof ApiError && e.code === "IMPORT_REJECTED" && Array.isArray(e.body.rows)
    ? (e.body as unknown as Summary)
    : null;

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
  const action = useAction();
  const [kind, setKind] = useState<Kind>("units");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Summary | null>(null);
  const [result, setResult] = useState<Summary | null>(null);

  const reset = () => {
    setPreview(null);
    setResult(null);
    action.clear();
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setResult(null);
    await action.run(["file"], async () => {
      try {
        const summary = await send(kind, file, dryRun);
        if (dryRun) setPreview(summary);
        else {
          setPreview(null);
          setResult(summary);
        }
      } catch (e) {
        const rejected = rejectedSummary(e);
        if (!rejected) throw e;
        setPreview(rejected);
      }
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(true);
  };
  const ready = preview?.status === "OK" && preview.counts.create > 0;

  return (
    <>
      <h1>{t.admin.sections.imports}</h1>
      <p className="muted">{m.intro}</p>
      <form className="panel" onSubmit={submit} aria-label={t.admin.sections.imports}>
        <Field label={m.kind} hint={m.columns[kind]}>
          {(p) => (
            <select
              {...p}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                reset();
              }}
            >
              <option value="units">{m.kinds.units}</option>
              <option value="users">{m.kinds.users}</option>
            </select>
          )}
        </Field>
        <Field label={m.file} error={action.fieldError("file")}>
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,.xlsx,text/csv"
              required
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
          )}
        </Field>
        <ActionError action={action} />
        <div className="toolbar">
          <button type="submit" className="button" disabled={!file || action.busy}>
            {action.busy ? m.previewing : m.preview}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!ready || action.busy}
            onClick={() => void run(false)}
          >
            {action.busy ? m.confirming : m.confirm}
          </button>
        </div>
        {preview?.status === "OK" && preview.counts.create === 0 && <p className="muted">{m.nothingNew}</p>}
      </form>
      {preview && <SummaryTable summary={preview} title={m.previewTitle} />}
      {result && <SummaryTable summary={result} title={m.resultTitle} />}
      {result && "links" in result && <Links links={result.links} />}
    </>
  );
}
