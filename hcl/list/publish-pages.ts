import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Feed } from "./publish.js";
import { entryPage, modelPage, type SiteRow } from "./site.js";
import type { HclStore } from "./store.js";

/** What a batch of model pages gives back for the front page and the feed. @public */
export interface PagesResult {
  readonly rows: SiteRow[];
  readonly feed: Feed["entries"][number][];
  readonly features: string[];
  readonly asOf: string;
  readonly missing: string[];
}

/** Files written at once: enough to keep the disk busy, few enough to bound memory. */
const CONCURRENT_WRITES = 32;

/**
 * Writes the model pages of `paths` into `staging` and returns their rows and feed entries. Each
 * entry is read, rendered and written, then dropped: memory does not grow with the list.
 *
 * @public
 */
export async function writeModelPages(
  store: HclStore,
  hclName: string,
  paths: readonly string[],
  staging: string,
): Promise<PagesResult> {
  const out: PagesResult = { rows: [], feed: [], features: [], asOf: "", missing: [] };
  const features = new Set<string>();
  let asOf = "";
  const pending = new Set<Promise<void>>();
  for (const rel of paths) {
    const entry = store.entry(rel);
    if (entry === null) {
      out.missing.push(rel);
      continue;
    }
    const page = modelPage(rel);
    const target = path.join(staging, page);
    mkdirSync(path.dirname(target), { recursive: true });
    const write = writeFile(target, entryPage(hclName, entry, page.split("/").length - 1)).then(
      () => void pending.delete(write),
    );
    pending.add(write);
    if (pending.size >= CONCURRENT_WRITES) await Promise.race(pending);
    const results: Record<string, Feed["entries"][number]["results"][string]> = {};
    for (const [suite, r] of Object.entries(entry.results).sort(([a], [b]) => a.localeCompare(b))) {
      Object.keys(r.features).forEach((f) => features.add(f));
      if (r.addedAt > asOf) asOf = r.addedAt;
      out.rows.push({
        entry: rel,
        vendor: entry.vendor,
        model: entry.model,
        name: entry.name,
        suite,
        result: { status: r.status, features: r.features, testedAt: r.testedAt },
      });
      results[suite] = {
        status: r.status,
        features: r.features,
        footnotes: r.footnotes,
        bundle: r.bundle,
        testedAt: r.testedAt,
      };
    }
    out.feed.push({
      vendor: entry.vendor,
      model: entry.model,
      name: entry.name,
      platform: entry.platform,
      match: entry.match,
      page,
      results,
    });
  }
  await Promise.all(pending);
  return { ...out, features: [...features], asOf };
}
