// Writes the OpenAPI document of the current sources to a file (default openapi.json in the
// system's temporary folder) and prints its path: `npm run lint:api` lints that file.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openApiDocument } from "../src/web/openapi-document.ts";

const target = process.argv[2] ?? join(tmpdir(), "chiso-openapi.json");
writeFileSync(target, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
process.stdout.write(`${target}\n`);
