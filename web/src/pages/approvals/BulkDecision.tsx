import { useState } from "react";
import { api } from "../../api/client.ts";
import { ErrorNote } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";

type Outcome = { id: number; outcome: string; error: { message: string; message_en: string } | null };

/**
 * Phê duyệt hàng loạt: approve the selected reports, or return them with one reason, in one
 * request (POST /api/submissions/decisions); then each report is listed with its outcome, those
 * refused with the reason.
 */
export function BulkDecision({
  selected,
  names,
  done,
}: {
  selected: readonly { id: number; version: number }[];
  names: ReadonlyMap<number, string>;
  done: () => void;
}) {
  const { t, pick } = useI18n();
  const a = t.approvals;
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ message: string; outcomes: (Outcome & { name: string })[] } | null>(
    null,
  );

  const decide = async (action: "approve" | "return") => {
    setBusy(true);
    setError(null);
    try {
      const body =
        action === "return" ? { action, reason, reports: [...selected] } : { action, reports: [...selected] };
      const answer = await api.post("/api/submissions/decisions", { body });
      const { approved, returned, refused } = answer.counts;
      setResult({
        message: a.bulkDone(approved, returned, refused),
        // Named now: the decided reports leave the list when it reloads.
        outcomes: answer.results.map((r) => ({ ...r, name: names.get(r.id) ?? String(r.id) })),
      });
      setReason("");
      done();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel bulk-decision">
      {result && (
        <div role="status">
          <p className="note">{result.message}</p>
          <h2>{a.resultTitle}</h2>
          <ul className="bulk-results">
            {result.outcomes.map((r) => (
              <li key={r.id} data-submission={r.id} data-outcome={r.outcome}>
                {r.name}: {a.outcomes[r.outcome] ?? r.outcome}
                {r.error ? ` — ${pick(r.error.message, r.error.message_en)}` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error ? <ErrorNote error={error} /> : null}
      <p aria-live="polite">{a.selected(selected.length)}</p>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={busy || selected.length === 0}
          onClick={() => void decide("approve")}
        >
          {a.approveSelected}
        </button>
      </div>
      <label>
        {a.bulkReason}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
      </label>
      <div className="toolbar">
        <button
          type="button"
          className="button button-quiet"
          disabled={busy || selected.length === 0 || reason.trim() === ""}
          onClick={() => void decide("return")}
        >
          {a.returnSelected}
        </button>
      </div>
    </div>
  );
}
