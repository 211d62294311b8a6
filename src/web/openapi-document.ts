import { loadConfig } from "../config/config.ts";
import { openPglite } from "../db/client.ts";
import { buildApp } from "../http/app.ts";
import type { OpenApiDocument } from "./api-types.ts";

/** The OpenAPI document of the current sources, from an app over a throwaway in-memory database. */
export async function openApiDocument(): Promise<OpenApiDocument> {
  const database = await openPglite();
  try {
    const app = await buildApp({ database, config: loadConfig({}) });
    await app.ready();
    const doc = app.swagger() as unknown as OpenApiDocument;
    await app.close();
    return doc;
  } finally {
    await database.close();
  }
}
