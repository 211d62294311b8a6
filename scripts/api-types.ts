// Writes web/src/api/schema.d.ts: the types of the endpoints the web application calls, from
// the OpenAPI document the server's zod contracts produce. Run with `npm run api:types`.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderApiTypes } from "../src/web/api-types.ts";
import { openApiDocument } from "../src/web/openapi-document.ts";
import { endpoints } from "../web/src/api/endpoints.ts";

const target = fileURLToPath(new URL("../web/src/api/schema.d.ts", import.meta.url));
writeFileSync(target, renderApiTypes(await openApiDocument(), endpoints));
process.stdout.write(`api:types: ${endpoints.length} endpoints → web/src/api/schema.d.ts\n`);
