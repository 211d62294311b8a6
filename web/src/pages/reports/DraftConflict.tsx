import { ScrollRegion } from "../../components/common.tsx";
import { useI18n } from "../../i18n/index.tsx";
import type { Difference } from "./draftRestore.ts";
import type { ReportData } from "./load.ts";

/**
 * A draft from this browser met a newer version on the server: each differing field side by
 * side, and the person chooses which to keep, field by field.
 */
export function DraftConflict({
  data,
  differences,
  choose,
}: {
  data: ReportData;
  differences: readonly Difference[];
  choose: (difference: Difference, keep: "mine" | "theirs") => void;
}) {
  const { t, pick } = useI18n();
  const c = t.form.conflict;
  if (differences.length === 0) return null;
  const label = (d: Difference) => {
    const named =
      d.kind === "value"
        ? data.form.metrics.find((m) => m.code === d.code)
        : data.form.sections.find((s) => s.code === d.code);
    return named ? pick(named.nameVi, named.nameEn ?? named.nameVi) : d.code;
  };
  return (
    <section className="note note-warning draft-conflict" aria-labelledby="draft-conflict-title">
      <h2 id="draft-conflict-title">{c.title}</h2>
      <p>{c.intro}</p>
      <ScrollRegion label={c.title}>
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{c.field}</th>
              <th scope="col">{c.mine}</th>
              <th scope="col">{c.theirs}</th>
              <th scope="col">
                <span className="sr-only">{c.keepMine}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => (
              <tr key={`${d.kind}:${d.code}`} data-conflict={d.code}>
                <th scope="row">{label(d)}</th>
                <td className="conflict-mine">{d.mine || c.empty}</td>
                <td className="conflict-theirs">{d.theirs || c.empty}</td>
                <td>
                  <button type="button" className="button button-small" onClick={() => choose(d, "mine")}>
                    {c.keepMine}
                  </button>{" "}
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    onClick={() => choose(d, "theirs")}
                  >
                    {c.keepTheirs}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
