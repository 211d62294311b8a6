import type { TestProject } from "vitest/node";
import { hasChromium } from "./helpers.ts";
import { buildWebIfNeeded, startDemoServer } from "./server.ts";

/** Every browser run walks the monthly cycle on a clean Đồng Tháp demo, served as `npm start` serves it. */
export default async function setup(project: TestProject) {
  // Without Chromium the tests skip (saying so): no build, no server.
  if (!hasChromium) {
    project.provide("baseUrl", "");
    return;
  }
  buildWebIfNeeded();
  const server = await startDemoServer();
  project.provide("baseUrl", server.base);
  return () => server.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
