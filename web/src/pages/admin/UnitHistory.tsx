import { api, type ResponseOf } from "../../api/client.ts";
import { Show, useLoad } from "../../components/common.tsx";
import { date } from "../../format.ts";
import { useI18n } from "../../i18n/index.tsx";

type History = ResponseOf<"GET /api/units/{code}">;
interface Event {
  on: string;
  text: string;
}

/** The dated events of a unit's history, oldest first (the same day: placements before successions). */
function events(
  h: History,
  u: ReturnType<typeof useI18n>["t"]["admin"]["units"],
  day: (d: string) => string,
) {
  const kind = (k: string) => u.successionKinds[k] ?? k;
  const out: Event[] = [{ on: h.unit.validFrom, text: u.historyOpened }];
  h.placements.forEach((p, i) => {
    const parent = p.parentCode ? `${p.parentName ?? ""} (${p.parentCode})` : null;
    const text = parent
      ? (i === 0 ? u.historyPlaced : u.historyMoved)(parent, p.level)
      : u.historyRoot(p.level);
    out.push({ on: p.validFrom, text });
  });
  for (const s of h.successions) {
    const into = s.direction === "from";
    out.push(
      into
        ? {
            on: s.effectiveDate,
            text: u.historyFrom(`${s.predecessorName} (${s.predecessorCode})`, kind(s.kind)),
          }
        : { on: s.effectiveDate, text: u.historyTo(`${s.successorName} (${s.successorCode})`, kind(s.kind)) },
    );
  }
  if (h.unit.validTo) out.push({ on: h.unit.validTo, text: u.historyClosed });
  for (const c of h.codeHolders) {
    out.push({
      on: c.validFrom,
      text: u.historyCode(c.nameVi, day(c.validFrom), c.validTo ? day(c.validTo) : ""),
    });
  }
  return out.map((e, i) => ({ ...e, i })).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.i - b.i));
}

/**
 * A unit's history on a timeline (GET /api/units/{code}?on=): placements and moves, the units it
 * came from and went to, its closure, and the other units that held its code (codes are reused
 * across time, so the unit is asked for on the tree's date).
 */
export function UnitHistory({ code, on }: { code: string; on: string }) {
  const { t, lang } = useI18n();
  const u = t.admin.units;
  const loaded = useLoad(
    (signal) => api.get("/api/units/{code}", { params: { code }, query: { on }, signal }),
    [code, on],
  );
  return (
    <section className="panel" aria-labelledby="unit-history-title">
      <h2 id="unit-history-title">{u.history}</h2>
      <Show loaded={loaded}>
        {(h) => (
          <ol className="unit-timeline" aria-label={u.history}>
            {events(h, u, (d) => date(d, lang)).map((e) => (
              <li key={e.i}>
                <time dateTime={e.on}>{date(e.on, lang)}</time> <span>{e.text}</span>
              </li>
            ))}
          </ol>
        )}
      </Show>
    </section>
  );
}
