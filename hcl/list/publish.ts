import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HclError } from "../../core/errors/hcl-error.js";
import { syncDir } from "../../core/run/durable.js";
import type { Entry } from "./entry.js";
import { indexPage } from "./site.js";
import { inWorkers, slices, workerCount } from "./workers.js";
import { writeModelPages, type PagesResult } from "./publish-pages.js";
import type { HclStore } from "./store.js";

/** The format tag of hcl.json. @public */
export const FEED_FORMAT = "hclkit-hcl-feed/1";

/** `hcl.json`: the list for programs (a product checks whether its machine is listed). @public */
export interface Feed {
  readonly format: typeof FEED_FORMAT;
  readonly name: string;
  readonly suites: readonly string[];
  /** The newest addition: the feed is a function of the HCL's content, so publishing twice gives the same bytes. */
  readonly asOf: string;
  readonly entries: readonly {
    readonly vendor: string;
    readonly model: string;
    readonly name: string | null;
    readonly platform: string | null;
    readonly match: Entry["match"];
    readonly page: string;
    readonly results: Readonly<
      Record<
        string,
        {
          readonly status: string;
          readonly features: Readonly<Record<string, string>>;
          readonly footnotes: readonly string[];
          readonly bundle: string;
          readonly testedAt: string;
        }
      >
    >;
  }[];
}

const statusEnum = {
  enum: ["certified", "certified-with-restrictions", "not-certified", "incomplete"],
} as const;

/** JSON Schema of hcl.json, published as schemas/hcl-feed.schema.json. @public */
export const feedSchema = {
  $id: "https://hclkit.dev/schemas/hcl-feed.schema.json",
  title: "hclkit HCL feed (hcl.json)",
  type: "object",
  required: ["format", "name", "suites", "asOf", "entries"],
  additionalProperties: false,
  properties: {
    format: { const: FEED_FORMAT },
    name: { type: "string" },
    suites: { type: "array", items: { type: "string" } },
    asOf: { type: "string" },
    entries: {
      type: "array",
      items: {
        type: "object",
        required: ["vendor", "model", "name", "platform", "match", "page", "results"],
        additionalProperties: false,
        properties: {
          vendor: { type: "string" },
          model: { type: "string" },
          name: { type: ["string", "null"] },
          platform: { type: ["string", "null"] },
          match: {
            type: "object",
            required: ["vendor", "product"],
            additionalProperties: false,
            properties: { vendor: { type: "string" }, product: { type: "string" } },
          },
          page: { type: "string" },
          results: {
            type: "object",
            additionalProperties: {
              type: "object",
              required: ["status", "features", "footnotes", "bundle", "testedAt"],
              additionalProperties: false,
              properties: {
                status: statusEnum,
                features: {
                  type: "object",
                  additionalProperties: { enum: ["supported", "not-supported", "untested"] },
                },
                footnotes: { type: "array", items: { type: "string" } },
                bundle: { type: "string", pattern: "^sha256:[0-9a-f]{64}$" },
                testedAt: { type: "string" },
              },
            },
          },
        },
      },
    },
  },
} as const;

/**
 * Publishes the HCL as a static site in `out`: `index.html` (every model × suite version with its
 * features, searchable and filterable, complete without JavaScript), a page per model with its
 * reports, footnotes and history, and `hcl.json`. Nothing needs the network. Built in a temporary
 * folder beside `out` and swapped in, so a reader never sees half a site. Entries are read one at a
 * time: memory stays flat as the list grows.
 *
 * @public
 */
export async function publishSite(
  store: HclStore,
  out: string,
): Promise<{ entries: number; rows: number; files: number }> {
  const config = await store.config();
  const rows = store.index().rows;
  const parent = path.dirname(path.resolve(out));
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(path.join(parent, ".hclkit-site-"));
  try {
    const paths = rows.map((r) => r.path);
    const parts = await pagesInParallel(store, config.name, paths, staging);
    const missing = parts.flatMap((p) => p.missing);
    if (missing.length > 0)
      throw new HclError(
        "HCL_E_HCL_INVALID",
        `index.json lists ${missing.join(", ")}, which does not exist`,
        { details: { entries: missing } },
      );
    const siteRows = parts.flatMap((p) => p.rows);
    const feedEntries = parts.flatMap((p) => p.feed);
    const features = new Set(parts.flatMap((p) => p.features));
    const asOf = parts.reduce((latest, p) => (p.asOf > latest ? p.asOf : latest), "");
    let files = feedEntries.length;
    const feed: Feed = {
      format: FEED_FORMAT,
      name: config.name,
      suites: [...config.suites].sort(),
      asOf,
      entries: feedEntries,
    };
    writeFileSync(path.join(staging, "hcl.json"), `${JSON.stringify(feed, null, 1)}\n`);
    writeFileSync(
      path.join(staging, "index.html"),
      indexPage(config.name, feed.suites, [...features].sort(), siteRows, asOf || "never"),
    );
    files += 2;
    const target = path.resolve(out);
    const old = `${target}.old-${process.pid}`;
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
    syncDir(parent);
    rmSync(old, { recursive: true, force: true });
    return { entries: rows.length, rows: siteRows.length, files };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error instanceof HclError
      ? error
      : new HclError(
          "HCL_E_BUNDLE_WRITE",
          `cannot publish the site to ${out}: ${(error as Error).message}`,
          { cause: error, details: { out } },
        );
  }
}

/** Below this many entries the pages are written in this thread: a worker costs more to start. */
const WORKER_THRESHOLD = 500;

/** The model pages, written by a worker thread per core for a long list (reading YAML is the cost). */
async function pagesInParallel(
  store: HclStore,
  name: string,
  paths: readonly string[],
  staging: string,
): Promise<PagesResult[]> {
  const workers = workerCount(paths.length, WORKER_THRESHOLD);
  if (workers <= 1) return [await writeModelPages(store, name, paths, staging)];
  return inWorkers<object, PagesResult>(
    import.meta.url,
    "publish-worker",
    slices(paths, workers).map((part) => ({ dir: store.dir, name, paths: part, staging })),
  );
}
