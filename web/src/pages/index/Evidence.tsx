import { api } from "../../api/client.ts";
import { num } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import type { Evidence } from "./types.ts";

/** The evidence of one criterion: files to download (always as attachments), references, links. */
export function EvidenceList({
  code,
  items,
  onDelete,
  busy,
  quiet,
}: {
  code: string;
  items: Evidence[];
  onDelete?: (e: Evidence) => void;
  busy?: boolean;
  /** Say nothing when there is none (in a table, where the line would repeat on every row). */
  quiet?: boolean;
}) {
  const { t, lang } = useI18n();
  if (items.length === 0) return quiet ? null : <p className="muted small">{t.index.noEvidence}</p>;
  return (
    <ul className="evidence-list">
      {items.map((e) => {
        const name = e.file?.name ?? e.summary ?? e.documentNumber ?? String(e.id);
        return (
          <li key={e.id} data-evidence={e.id}>
            {e.file ? (
              <a
                href={api.href("/api/assessments/{code}/evidence/{id}/file", { params: { code, id: e.id } })}
                download={e.file.name}
                aria-label={t.index.download(e.file.name)}
              >
                {e.file.name}
              </a>
            ) : e.url ? (
              <a href={e.url} target="_blank" rel="noopener noreferrer">
                {name}
              </a>
            ) : (
              <span>{name}</span>
            )}
            {e.file && (
              <span className="muted small">
                {" "}
                ({t.index.size(num(Math.max(0.1, e.file.size / 1024), lang, 1))})
              </span>
            )}
            {e.documentNumber && e.file && <span className="muted small"> · {e.documentNumber}</span>}
            {onDelete && (
              <>
                {" "}
                <button
                  type="button"
                  className="button button-small button-danger"
                  disabled={busy}
                  aria-label={t.index.deleteNamed(name)}
                  onClick={() => onDelete(e)}
                >
                  {t.index.delete}
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
