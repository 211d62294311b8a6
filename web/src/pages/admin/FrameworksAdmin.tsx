import { type FormEvent, useState } from "react";
import { api } from "../../api/client.ts";
import { Show, useLoad } from "../../components/common.tsx";
import { num } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link, navigate } from "../../router.tsx";
import { useToday } from "../../session.tsx";
import { ActionError, Field, useAction } from "./common.tsx";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Points, the same for every group or per group ("A: 10; B: 8"). */
const pointsText = (value: number | Record<string, number>, lang: "vi" | "en"): string =>
  typeof value === "number"
    ? num(value, lang)
    : Object.entries(value)
        .map(([group, p]) => `${group}: ${num(p, lang)}`)
        .join("; ");

/** The published Excel sheet of a framework, with what the sheet does not say (code, year, names). */
function Upload() {
  const { t } = useI18n();
  const f = t.admin.frameworks;
  const action = useAction();
  const today = useToday();
  const [meta, setMeta] = useState({
    code: "",
    year: today.slice(0, 4),
    nameVi: "",
    nameEn: "",
  });
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const set = (k: keyof typeof meta) => (e: { target: { value: string } }) =>
    setMeta((m) => ({ ...m, [k]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFileError(file ? undefined : f.fileMissing);
    if (!file) return;
    let code = "";
    const ok = await action.run(["code", "year", "nameVi", "nameEn", "body"], async () => {
      const created = await api.post("/api/index-frameworks.xlsx", {
        query: {
          code: meta.code.trim(),
          year: Number(meta.year),
          nameVi: meta.nameVi,
          nameEn: meta.nameEn.trim() || undefined,
        },
        body: new Blob([file], { type: XLSX }),
      });
      code = created.code;
    });
    if (ok) navigate(`/admin/frameworks/${encodeURIComponent(code)}`);
  };
  return (
    <form className="panel admin-form" onSubmit={submit} noValidate aria-labelledby="framework-upload-title">
      <h2 id="framework-upload-title">{f.upload}</h2>
      <p className="muted small">{f.uploadHint}</p>
      <ActionError action={action} />
      <div className="form-grid">
        <Field label={t.admin.code} error={action.fieldError("code")}>
          {(p) => <input {...p} value={meta.code} onChange={set("code")} required />}
        </Field>
        <Field label={f.year} error={action.fieldError("year")}>
          {(p) => <input {...p} inputMode="numeric" value={meta.year} onChange={set("year")} required />}
        </Field>
        <Field label={t.admin.nameVi} error={action.fieldError("nameVi")} className="wide">
          {(p) => <input {...p} value={meta.nameVi} onChange={set("nameVi")} required />}
        </Field>
        <Field label={t.admin.nameEn} error={action.fieldError("nameEn")} className="wide">
          {(p) => <input {...p} value={meta.nameEn} onChange={set("nameEn")} />}
        </Field>
        <Field label={f.file} error={fileError ?? action.fieldError("body")} className="wide">
          {(p) => (
            <input
              {...p}
              type="file"
              accept={`.xlsx,${XLSX}`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              required
            />
          )}
        </Field>
      </div>
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {action.busy ? t.admin.saving : f.uploadSubmit}
      </button>
    </form>
  );
}

/** Every framework; the upload of a new one. */
export function FrameworksAdmin() {
  const { t, pick } = useI18n();
  const f = t.admin.frameworks;
  const loaded = useLoad((signal) => api.get("/api/index-frameworks", { signal }), []);
  return (
    <>
      <h1>{t.admin.sections.frameworks}</h1>
      <Show loaded={loaded}>
        {(frameworks) => (
          <section className="panel" aria-labelledby="frameworks-title">
            <h2 id="frameworks-title">{f.list}</h2>
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{t.admin.code}</th>
                  <th scope="col">{t.admin.name}</th>
                  <th scope="col">{f.year}</th>
                  <th scope="col">{f.lineage}</th>
                </tr>
              </thead>
              <tbody>
                {frameworks.map((x) => (
                  <tr key={x.code} data-framework={x.code}>
                    <td>
                      <Link to={`/admin/frameworks/${encodeURIComponent(x.code)}`}>{x.code}</Link>
                    </td>
                    <td>{pick(x.nameVi, x.nameEn)}</td>
                    <td>{x.year}</td>
                    <td className="unit-code">{x.lineage}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </Show>
      <Upload />
    </>
  );
}

/** One framework: its groups, and its criteria by pillar with their points. */
export function FrameworkDetail({ code }: { code: string }) {
  const { t, lang, pick } = useI18n();
  const f = t.admin.frameworks;
  const loaded = useLoad(
    (signal) => api.get("/api/index-frameworks/{code}", { params: { code }, signal }),
    [code],
  );
  return (
    <>
      <p>
        <Link to="/admin/frameworks">← {f.back}</Link>
      </p>
      <Show loaded={loaded}>
        {(fw) => {
          const d = fw.definition;
          return (
            <>
              <h1>
                {pick(fw.nameVi, fw.nameEn)} <span className="unit-code">{fw.code}</span>
              </h1>
              <p className="muted">
                {f.year}: {fw.year} · {f.lineage}: {fw.lineage} · {f.criteriaCount(d.criteria.length)}
              </p>
              <section className="panel" aria-labelledby="framework-groups-title">
                <h2 id="framework-groups-title">{f.groups}</h2>
                <ul className="plain">
                  {d.groups.map((g) => (
                    <li key={g.code}>
                      <span className="unit-code">{g.code}</span> {pick(g.nameVi, g.nameEn)} ·{" "}
                      {f.maxTotal(num(g.maxTotal, lang))}
                    </li>
                  ))}
                </ul>
              </section>
              <section className="panel" aria-labelledby="framework-criteria-title">
                <h2 id="framework-criteria-title">{f.criteria}</h2>
                <ul className="criteria-tree">
                  {d.pillars.map((p) => {
                    const criteria = d.criteria.filter((c) => c.pillar === p.code);
                    return (
                      <li key={p.code} data-pillar={p.code}>
                        <details open={d.pillars.length <= 3 || undefined}>
                          <summary>
                            <strong>{pick(p.nameVi, p.nameEn)}</strong>{" "}
                            <span className="unit-code">{p.code}</span> ·{" "}
                            {f.points(pointsText(p.maxPoints, lang))} · {f.criteriaCount(criteria.length)}
                          </summary>
                          <table className="table table-compact">
                            <thead>
                              <tr>
                                <th scope="col">{t.admin.code}</th>
                                <th scope="col">{f.criterion}</th>
                                <th scope="col" className="num">
                                  {f.maxPoints}
                                </th>
                                <th scope="col">{f.groups}</th>
                                <th scope="col">{f.evidence}</th>
                              </tr>
                            </thead>
                            <tbody>
                              {criteria.map((c) => (
                                <tr key={c.code}>
                                  <td className="unit-code">{c.code}</td>
                                  <td>{pick(c.nameVi, c.nameEn)}</td>
                                  <td className="num">{pointsText(c.maxPoints, lang)}</td>
                                  <td>{c.groups.join(", ")}</td>
                                  <td className="small">{c.evidenceRequired || "—"}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </details>
                      </li>
                    );
                  })}
                </ul>
              </section>
            </>
          );
        }}
      </Show>
    </>
  );
}
