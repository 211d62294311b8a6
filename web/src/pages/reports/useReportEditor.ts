import { useCallback, useMemo, useRef, useState } from "react";
import type { ApiError, FieldProblem } from "../../api/client.ts";
import type { Endpoints } from "../../api/schema";
import { useI18n } from "../../i18n/index.tsx";
import { useSession } from "../../session.tsx";
import { type Difference, restoreDecision } from "./draftRestore.ts";
import { clearDraft, type DraftPlace, readDraft, writeDraft } from "./draftStore.ts";
import type { ReportData } from "./load.ts";
import type { Value } from "./types.ts";
import { type SaveResult, useAutosave } from "./useAutosave.ts";
import { failingRules, fieldText, type Parsed, parseField, parseRules } from "./validate.ts";

type Body = Endpoints["PUT /api/submissions"]["body"];
export interface Target {
  form: string;
  unit: string;
  period: string;
}

function initialText(data: ReportData, lang: "vi" | "en") {
  const typed: Record<string, string> = {};
  for (const v of data.detail?.values ?? []) typed[v.metric] = fieldText(v.value, lang);
  return { typed, narrative: { ...(data.detail?.narrative ?? {}) } };
}

/**
 * The report being written: what was typed (restored from this browser when the server does not
 * have it yet, or offered field by field when the server moved on since), its parsed values, the
 * rules failing now, the server's own refusals by field, and the autosave that carries it all
 * to the server.
 */
export function useReportEditor(data: ReportData, target: Target, readOnly: boolean) {
  const { lang } = useI18n();
  const { me } = useSession();
  const place: DraftPlace = { userId: me?.userId ?? 0, ...target };
  // biome-ignore lint/correctness/useExhaustiveDependencies: computed once per loaded report
  const start = useMemo(() => {
    const server = initialText(data, lang);
    const local = readOnly ? null : readDraft(place);
    const decision = restoreDecision(local, { ...server, version: data.detail?.version ?? null });
    if (decision.kind === "restore") return { ...decision.draft, restored: true, differences: [] };
    return {
      ...server,
      restored: false,
      differences: decision.kind === "conflict" ? decision.differences : [],
    };
  }, [data]);
  const [typed, setTyped] = useState<Record<string, string>>(start.typed);
  const [narrative, setNarrative] = useState<Record<string, string>>(start.narrative);
  const [differences, setDifferences] = useState<Difference[]>(start.differences);
  const [serverIssues, setServerIssues] = useState<FieldProblem[]>([]);
  const [sentOrder, setSentOrder] = useState<string[]>([]);
  const version = useRef<number | null>(data.detail?.version ?? null);
  const id = useRef<number | null>(data.detail?.id ?? null);
  const edits = useRef(0);
  const [status, setStatus] = useState<string>(data.detail?.status ?? "none");

  const parsed = useMemo(() => {
    const out = new Map<string, Parsed>();
    for (const m of data.form.metrics) out.set(m.code, parseField(m, typed[m.code] ?? "", lang));
    return out;
  }, [data.form.metrics, typed, lang]);
  const rules = useMemo(() => parseRules(data.form), [data.form]);
  const values = useMemo(() => {
    const out = new Map<string, Value>();
    for (const [code, p] of parsed) if (p.ok) out.set(code, p.value);
    return out;
  }, [parsed]);
  const failing = useMemo(() => failingRules(rules, values), [rules, values]);

  const build = useCallback((): Body => {
    const sent = data.form.metrics.filter((m) => parsed.get(m.code)?.ok);
    return {
      form: target.form,
      unit: target.unit,
      period: target.period,
      version: version.current ?? undefined,
      values: sent.map((m) => ({ metric: m.code, value: values.get(m.code) ?? null })),
      narrative: Object.fromEntries(
        data.form.sections.map((s) => [s.code, narrative[s.code]?.trim() ? narrative[s.code] : null]),
      ) as Record<string, string | null>,
    };
  }, [data.form, parsed, values, narrative, target]);

  const builtAt = useRef(0);
  const autosave = useAutosave({
    enabled: !readOnly,
    build: () => {
      builtAt.current = edits.current;
      const body = build();
      setSentOrder(body.values?.map((v) => v.metric) ?? []);
      return body;
    },
    onSaved: (result: SaveResult, body: Body) => {
      version.current = result.version;
      id.current = result.id;
      setStatus(result.status);
      setServerIssues([]);
      const complete = (body.values?.length ?? 0) === data.form.metrics.length;
      if (complete && builtAt.current === edits.current) clearDraft(place);
      else writeDraft(place, { typed, narrative, version: result.version });
    },
    onRefused: (error: ApiError) => setServerIssues(error.details),
  });

  const edited = (nextTyped: Record<string, string>, nextNarrative: Record<string, string>) => {
    edits.current++;
    writeDraft(place, {
      typed: nextTyped,
      narrative: nextNarrative,
      version: version.current,
    });
    autosave.schedule();
  };
  const setValue = (code: string, text: string) => {
    const next = { ...typed, [code]: text };
    setTyped(next);
    edited(next, narrative);
  };
  const setSection = (code: string, text: string) => {
    const next = { ...narrative, [code]: text };
    setNarrative(next);
    edited(typed, next);
  };

  /** A field of a conflicting draft decided: the person's text typed in again, or the server's kept. */
  const choose = (difference: Difference, keep: "mine" | "theirs") => {
    const rest = differences.filter((d) => d !== difference);
    setDifferences(rest);
    if (keep === "mine" && difference.kind === "value") setValue(difference.code, difference.mine);
    if (keep === "mine" && difference.kind === "section") setSection(difference.code, difference.mine);
    if (keep === "theirs" && rest.length === 0 && edits.current === 0) clearDraft(place);
  };

  return {
    typed,
    differences,
    choose,
    narrative,
    parsed,
    failing,
    restored: start.restored,
    serverIssues,
    setServerIssues,
    sentOrder,
    status,
    setStatus,
    version,
    id,
    autosave,
    setValue,
    setSection,
    /** After a reload from the server: what was typed is on the server, nothing to keep. */
    forget: () => clearDraft(place),
  };
}
