import { type ChangeEvent, useId, useState } from "react";
import { api, type BodyOf } from "../../api/client.ts";
import { ErrorNote } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";

type Collection = BodyOf<"PUT /api/map/boundaries/{level}">;

/** For admins: load (or replace) the boundary GeoJSON of the mapped level, or remove it. */
export function BoundaryUpload({
  level,
  loaded,
  onChanged,
}: {
  level: number;
  loaded: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    void run(async () => {
      let body: Collection;
      try {
        body = JSON.parse(await file.text()) as Collection;
      } catch {
        throw new Error(t.ioc.boundariesNotJson);
      }
      await api.put("/api/map/boundaries/{level}", {
        params: { level },
        query: { codeProperty: "code" },
        body,
      });
    });
  };
  return (
    <details className="boundaries">
      <summary>{t.ioc.boundaries}</summary>
      <p className="muted small">{t.ioc.boundariesHint}</p>
      {error ? <ErrorNote error={error} /> : null}
      <label htmlFor={id}>{t.ioc.boundariesFile}</label>
      <input
        id={id}
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        disabled={busy}
        onChange={onFile}
      />
      {loaded && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(() => api.delete("/api/map/boundaries/{level}", { params: { level } }))}
        >
          {t.ioc.boundariesRemove}
        </button>
      )}
    </details>
  );
}
