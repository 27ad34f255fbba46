import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's chromium, which `.ci/run` installs; tests drive it through playwright-core. */
export const CHROMIUM = "/usr/bin/chromium";

/** Headless, and nothing that would reach for the network on its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A browser context in `dir`, failing loudly (never skipping) when chromium is missing. */
export async function launchBrowser(dir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: browser tests drive Debian's chromium, which .ci/run installs (apt-get install chromium); they are never skipped.`,
    );
  return chromium.launchPersistentContext(path.join(dir, "profile"), {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
}

/** Blocks and records every request that is not for a file:// URL. */
export async function recordNetwork(
  context: BrowserContext,
  network: string[] = [],
): Promise<string[]> {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    network.push(url);
    return route.abort("blockedbyclient");
  });
  return network;
}
