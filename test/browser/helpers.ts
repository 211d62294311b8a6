import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { CHROMIUM, launchChromium } from "./chromium.ts";

/**
 * Debian's Chromium (`apt-get install chromium`); without it the browser tests skip, saying so,
 * except in CI, which installs it (.ci/run): there a missing browser fails the run.
 */
export const hasChromium = process.env.CI === "true" || existsSync(CHROMIUM);
export const PASSWORD = "chiso-demo";

const screens = join(import.meta.dirname, "../../test-results/screens");

export function baseUrl(): string {
  return inject("baseUrl");
}

export const launch = launchChromium;

/** A fresh browser profile (own cookies and storage) at a laptop's size, in Vietnamese. */
export function newContext(browser: Browser, size = { width: 1366, height: 768 }): Promise<BrowserContext> {
  return browser.newContext({
    viewport: size,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    acceptDownloads: true,
    baseURL: baseUrl(),
    reducedMotion: "reduce",
  });
}

/** Signs in through the login page, as a person would. */
export async function login(page: Page, username: string): Promise<void> {
  await page.goto("/");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
}

export interface Session {
  browser: Browser;
  page: Page;
}

/**
 * For a describe block: a browser and a page signed in as `username`, opened before its tests
 * and closed after them (the fields are set once `beforeAll` has run).
 */
export function signedInSession(username: string): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.browser = await launch();
    session.page = await (await newContext(session.browser)).newPage();
    await login(session.page, username);
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}

/**
 * A yearly form of a test's own (due 15 days after the year), created by `admin` through the API,
 * so the demo's forms stay as the other tests read them.
 */
export async function createYearlyForm(
  admin: APIRequestContext,
  form: {
    code: string;
    nameVi: string;
    metrics: { code: string; required?: boolean }[];
    unitCodes: string[];
  },
): Promise<void> {
  const created = await admin.post("/api/forms", {
    data: { ...form, periodType: "year", dueRule: { kind: "days_after_end", days: 15 } },
  });
  expect(created.status(), await created.text()).toBe(201);
}

/** Saves a screenshot of a main screen for a reviewer (test-results/screens, ignored by git). */
export async function screen(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(screens, { recursive: true });
  await page.screenshot({ path: join(screens, `${name}.png`), fullPage });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.1 levels A and AA: the rules an official's screen must pass. No rule is disabled. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core (injected from the axe-core package) over the whole page with the WCAG 2.1 A and
 * AA rules, after opening every collapsed section (`<details>`), and fails listing each violation:
 * its rule, impact, the elements (CSS selectors) and what it asks for.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(() => {
    document.querySelectorAll("details:not([open])").forEach((details) => {
      details.setAttribute("open", "");
    });
  });
  // Evaluated, not a script tag: the application's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    (tags) =>
      // biome-ignore lint/suspicious/noExplicitAny: axe-core is injected into the page, untyped there
      (window as any).axe
        .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
        .then((r: { violations: unknown }) => r.violations),
    WCAG_21_AA,
  )) as AxeViolation[];
  const lines = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  // Soft: the test goes on, so one run lists the violations of every screen it visits.
  expect.soft(lines, `axe-core on ${label}`).toEqual([]);
}
