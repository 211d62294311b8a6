/**
 * The upload pattern of the list imports and the reform: choose a file, preview it (a dry run),
 * then confirm; a 409 IMPORT_REJECTED at the confirmation shows its answer as the new preview.
 */
import { type FormEvent, type ReactNode, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { ActionError, Field, useAction } from "./common.tsx";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The file with the content type the server reads it by (a browser may call a CSV anything). */
export const asUpload = (file: File): Blob =>
  new Blob([file], { type: /\.xlsx$/i.test(file.name) ? XLSX : "text/csv" });

/** The import's summary inside a 409 IMPORT_REJECTED (its `summary`), recognised by its `field` list. */
const rejectedAnswer = <S,>(e: unknown, field: string): S | null => {
  if (!(e instanceof ApiError) || e.code !== "IMPORT_REJECTED") return null;
  const summary = e.body.summary as Record<string, unknown> | undefined;
  return summary && Array.isArray(summary[field]) ? (summary as unknown as S) : null;
};

/** The file, the preview and the result of `send(file, dryRun)`; `field` names the answer's list. */
export function usePreviewThenApply<S>(send: (file: File, dryRun: boolean) => Promise<S>, field: string) {
  const action = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<S | null>(null);
  const [result, setResult] = useState<S | null>(null);
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
        const answer = await send(file, dryRun);
        setPreview(dryRun ? answer : null);
        if (!dryRun) setResult(answer);
      } catch (e) {
        const rejected = rejectedAnswer<S>(e, field);
        if (!rejected) throw e;
        setPreview(rejected);
      }
    });
  };
  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    reset();
  };
  return { action, file, preview, result, run, reset, chooseFile };
}

export interface PreviewWords {
  file: string;
  hint?: string;
  preview: string;
  previewing: string;
  confirm: string;
  confirming: string;
}

/** The form: `children` (fields before the file), the file, the preview and confirm buttons. */
export function PreviewThenApplyForm<S>({
  flow,
  words,
  label,
  ready,
  children,
  footer,
}: {
  flow: ReturnType<typeof usePreviewThenApply<S>>;
  words: PreviewWords;
  label: string | undefined;
  ready: boolean;
  children?: ReactNode;
  footer?: ReactNode;
}) {
  const { action, file } = flow;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void flow.run(true);
  };
  return (
    <form className="panel" onSubmit={submit} aria-label={label}>
      {children}
      <Field label={words.file} hint={words.hint} error={action.fieldError("file")}>
        {(p) => (
          <input
            {...p}
            type="file"
            accept=".csv,.xlsx,text/csv"
            required
            onChange={(e) => flow.chooseFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <ActionError action={action} />
      <div className="toolbar">
        <button type="submit" className="button" disabled={!file || action.busy}>
          {action.busy ? words.previewing : words.preview}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!ready || action.busy}
          onClick={() => void flow.run(false)}
        >
          {action.busy ? words.confirming : words.confirm}
        </button>
      </div>
      {footer}
    </form>
  );
}
