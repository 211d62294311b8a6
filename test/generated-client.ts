import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";

/**
 * Type-checks TypeScript files written against the types openapi-typescript generated (as
 * `./api.ts`) and openapi-fetch, as an integrator's compiler would: the errors of each file,
 * one line each.
 */
export function typeCheckClient(apiTypes: string, files: Record<string, string>): Record<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), "chiso-client-"));
  try {
    writeFileSync(join(dir, "api.ts"), apiTypes);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const openapiFetch = dirname(createRequire(import.meta.url).resolve("openapi-fetch/package.json"));
    const program = ts.createProgram(
      Object.keys(files).map((name) => join(dir, name)),
      {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        allowImportingTsExtensions: true,
        lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
        types: [],
        paths: { "openapi-fetch": [openapiFetch] },
      },
    );
    const errors: Record<string, string[]> = Object.fromEntries(Object.keys(files).map((name) => [name, []]));
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const name = d.file ? d.file.fileName.slice(dir.length + 1) : "(program)";
      errors[name] = [...(errors[name] ?? []), ts.flattenDiagnosticMessageText(d.messageText, " ")];
    }
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
