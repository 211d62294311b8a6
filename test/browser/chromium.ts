import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium; never a browser downloaded by a test tool. */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * Headless Chromium as root on a machine with no network: without the background-networking
 * flags it keeps trying (and failing) to reach Google's hosts.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
