import { type ChangeEvent, useId, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { ErrorNote } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface CellProblem {
  cell: string;
  metric: string | null;
  message: string;
  message_en: string;
}

/**
 * Download the form as an Excel template; upload it filled in (all or nothing, each bad cell
 * named). After a good upload the page reloads the report and says so.
 */
export function ExcelPanel(props: {
  form: string;
  unit: string;
  period: string;
  canUpload: boolean;
  onImported: () => void;
}) {
  const { t, pick } = useI18n();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [cells, setCells] = useState<CellProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const where = { params: { code: props.form }, query: { unit: props.unit, period: props.period } };

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setBusy(true);
    setCells([]);
    setError(null);
    try {
      await api.post("/api/forms/{code}/template.xlsx", { ...where, body: new Blob([file], { type: XLSX }) });
      props.onImported();
    } catch (err) {
      const list = err instanceof ApiError ? (err.body.cells as CellProblem[] | undefined) : undefined;
      if (list?.length) setCells(list);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="panel excel" open={cells.length > 0 || undefined}>
      <summary>{t.form.excel}</summary>
      <div className="excel-actions">
        <a className="button" href={api.href("/api/forms/{code}/template.xlsx", where)} download>
          {t.form.excelDownload}
        </a>
        {props.canUpload && (
          <span className="file-field">
            <label htmlFor={inputId}>{busy ? t.form.excelUploading : t.form.excelUpload}</label>
            <input id={inputId} type="file" accept={`.xlsx,${XLSX}`} onChange={upload} disabled={busy} />
          </span>
        )}
      </div>
      <div aria-live="polite">
        {error ? <ErrorNote error={error} /> : null}
        {cells.length > 0 && (
          <div className="note note-error" role="alert">
            <p>{t.form.excelErrors}</p>
            <table className="table table-compact excel-errors">
              <thead>
                <tr>
                  <th scope="col">{t.form.cell}</th>
                  <th scope="col">{t.form.metric}</th>
                  <th scope="col">{t.form.problem}</th>
                </tr>
              </thead>
              <tbody>
                {cells.map((c) => (
                  <tr key={c.cell + c.message}>
                    <td>
                      <strong>{c.cell}</strong>
                    </td>
                    <td>
                      <code>{c.metric ?? "—"}</code>
                    </td>
                    <td>{pick(c.message, c.message_en)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </details>
  );
}
