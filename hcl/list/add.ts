import { existsSync, readFileSync } from "node:fs";
import { HclError } from "../../core/errors/hcl-error.js";
import { writeDurable } from "../../core/run/durable.js";
import type { PluginHost } from "../../core/plugin/plugin-host.js";
import { factTable } from "../../core/suite/facts.js";
import { verifyBundle, type Verification } from "../report/verify-bundle.js";
import type { Report } from "../report/build-report.js";
import { entryPath, type Entry, type EntryResult } from "./entry.js";
import type { HclFile } from "./hcl-config.js";
import { indexRow, type BundleFacts, type HclStore, type IndexRow } from "./store.js";

/** What became of one bundle handed to `hcl add`. @public */
export interface AddOutcome {
  readonly file: string;
  readonly digest: string | null;
  /** `added` (new entry or suite), `superseded` (replaced an older bundle), `history` (older than the one listed), `unchanged` (had it), `refused`. */
  readonly outcome: "added" | "superseded" | "history" | "unchanged" | "refused";
  readonly entry: string | null;
  readonly suite: string | null;
  readonly status: Report["overall"] | null;
  readonly reason: string;
  readonly code?: string;
}

/** Why the HCL does not trust what made this report, or `null` when it does. */
function untrusted(config: HclFile, report: Report): string | null {
  const suite = `${report.suite.id}@${report.suite.version}`;
  if (!config.suites.includes(suite))
    return `suite ${suite} is not listed by this HCL (it lists ${config.suites.join(", ") || "none"})`;
  if (
    !config.trust.suites.some(
      (s) =>
        s.id === report.suite.id &&
        s.version === report.suite.version &&
        s.digest === report.suite.digest,
    )
  )
    return `suite ${suite} ${report.suite.digest} is not the trusted one: the suite was modified, or is not trusted (hclkit hcl trust --suite)`;
  const plugins = [
    ...report.plugins,
    ...(report.platform === null
      ? []
      : [
          {
            name: report.platform.plugin,
            version: report.platform.version,
            digest: report.platform.digest,
          },
        ]),
  ];
  for (const p of plugins)
    if (!config.trust.plugins.some((t) => t.name === p.name && t.digest === p.digest))
      return `plugin ${p.name} ${p.version} ${p.digest} is not trusted: it was modified, or is not trusted (hclkit hcl trust --plugins)`;
  return null;
}

function resultOf(v: Verification, digest: string, now: string): EntryResult {
  const r = v.report;
  return {
    status: r.overall,
    features: Object.fromEntries(r.features.map((f) => [f.feature, f.status])),
    footnotes: r.reasons,
    attention: r.requirements
      .filter((q) => q.verdict !== "pass" && q.verdict !== "skip")
      .map((q) => ({ requirement: q.requirement, verdict: q.verdict, reason: q.reason })),
    waivers: [
      ...new Set(r.requirements.flatMap((q) => (q.waiver === null ? [] : [q.waiver.id]))),
    ].sort(),
    bundle: digest,
    session: r.session.id,
    testedAt: r.session.createdAt,
    addedAt: now,
    history: [],
  };
}

function factsOf(v: Verification, digest: string): BundleFacts {
  const definitions = new Map(v.suite.requirements.map((q) => [q.id, q]));
  return {
    bundle: digest,
    table: factTable(v.facts),
    carried: v.report.requirements
      .filter((q) => q.kind !== "check")
      .flatMap((q) => {
        const definition = definitions.get(q.requirement);
        return definition === undefined
          ? []
          : [
              {
                requirement: q.requirement,
                definition,
                raw: q.raw,
                reason: q.reason,
                measurements: q.measurements,
                answer: q.answer?.value ?? null,
              },
            ];
      }),
  };
}

/**
 * Adds bundles to the HCL. Each is verified first (digests, signature by a trusted key, the
 * passive verdicts re-derived) and refused, with the reason, when anything about it is untrusted:
 * a suite version not listed or not the trusted digest, a plugin whose digest is not trusted (a
 * vendor cannot certify with altered code), an unknown key. Then, under the lock, each accepted
 * bundle is stored by digest and its model's entry updated: the same bundle twice changes nothing;
 * a newer bundle for the same model and suite version supersedes the older, which stays in the
 * history; an older one goes to the history. The index is rewritten once.
 *
 * @public
 */
export async function addBundles(
  host: PluginHost,
  store: HclStore,
  files: readonly string[],
  now = new Date(),
): Promise<AddOutcome[]> {
  const config = await store.config();
  const stamp = now.toISOString();
  const verified: { file: string; v: Verification }[] = [];
  const outcomes: AddOutcome[] = [];
  const refuse = (file: string, digest: string | null, reason: string, code: string): void => {
    outcomes.push({
      file,
      digest,
      outcome: "refused",
      entry: null,
      suite: null,
      status: null,
      reason,
      code,
    });
  };
  for (const file of files) {
    if (!existsSync(file)) {
      refuse(file, null, `${file} does not exist`, "HCL_E_CLI_PATH_NOT_FOUND");
      continue;
    }
    if (config.trust.keys.length === 0) {
      refuse(
        file,
        null,
        "this HCL trusts no signing key yet (hclkit hcl trust --key PUB)",
        "HCL_E_HCL_REFUSED",
      );
      continue;
    }
    try {
      const v = await verifyBundle(host, file, {
        trustedKeys: config.trust.keys.map((k) => k.publicKey),
      });
      const why = untrusted(config, v.report);
      if (why !== null) refuse(file, v.digest, why, "HCL_E_HCL_REFUSED");
      else if (v.report.system.vendor === null || v.report.system.model === null)
        refuse(
          file,
          v.digest,
          "the report names no system vendor and model (SMBIOS type 1): the HCL cannot file it",
          "HCL_E_HCL_REFUSED",
        );
      else verified.push({ file, v });
    } catch (error) {
      if (!(error instanceof HclError)) throw error;
      refuse(file, null, error.message, error.code);
    }
  }
  if (verified.length === 0) return outcomes;
  await store.locked(() => {
    const rows = new Map<string, IndexRow>(store.index().rows.map((r) => [r.path, r]));
    for (const { file, v } of verified) {
      const report = v.report;
      const rel = entryPath(report.system.vendor as string, report.system.model as string);
      const suite = `${report.suite.id}@${report.suite.version}`;
      const fresh = resultOf(v, v.digest, stamp);
      const current = store.entry(rel);
      const previous = current?.results[suite];
      const base = { file, digest: v.digest, entry: rel, suite, status: report.overall };
      let result: EntryResult;
      let outcome: AddOutcome["outcome"];
      if (
        previous !== undefined &&
        (previous.bundle === v.digest || previous.history.some((h) => h.bundle === v.digest))
      ) {
        outcomes.push({
          ...base,
          outcome: "unchanged",
          reason: "this bundle is in the HCL already",
        });
        continue;
      } else if (previous === undefined) {
        result = fresh;
        outcome = "added";
      } else if (previous.testedAt > fresh.testedAt) {
        const older = {
          bundle: v.digest,
          status: fresh.status,
          testedAt: fresh.testedAt,
          addedAt: stamp,
          supersededAt: stamp,
        };
        result = {
          ...previous,
          history: [...previous.history, older].sort((a, b) =>
            b.testedAt.localeCompare(a.testedAt),
          ),
        };
        outcome = "history";
      } else {
        const { history, ...rest } = previous;
        const superseded = {
          bundle: rest.bundle,
          status: rest.status,
          testedAt: rest.testedAt,
          addedAt: rest.addedAt,
          supersededAt: stamp,
        };
        result = { ...fresh, history: [superseded, ...history] };
        outcome = "superseded";
      }
      if (!existsSync(store.bundlePath(v.digest)))
        writeDurable(store.bundlePath(v.digest), readFileSync(file));
      store.writeFacts(factsOf(v, v.digest));
      const entry: Entry = {
        vendor: report.system.vendor as string,
        model: report.system.model as string,
        name: marketingName(report.system),
        platform: report.platform?.plugin ?? null,
        match: { vendor: report.system.vendor as string, product: report.system.model as string },
        results: { ...(current?.results ?? {}), [suite]: result },
      };
      store.writeEntry(rel, entry);
      rows.set(rel, indexRow(rel, entry));
      outcomes.push({
        ...base,
        outcome,
        reason:
          outcome === "added"
            ? `new ${current === null ? "entry" : "suite version for the entry"}`
            : outcome === "superseded"
              ? `supersedes ${previous?.bundle ?? "?"} (tested ${previous?.testedAt ?? "?"})`
              : `older than the listed ${previous?.bundle ?? "?"}: kept in the history`,
      });
    }
    store.writeIndex([...rows.values()]);
  });
  return outcomes;
}

/**
 * The model's marketing name, when the firmware gives one: Lenovo writes it in the SMBIOS type 1
 * Version field ("ThinkPad T410", DSP0134 §7.2 calls the field the product's version); other
 * vendors put a revision there ("V1.14", "F.13"), which is no name.
 */
function marketingName(system: Report["system"]): string | null {
  return system.vendor?.trim().toUpperCase() === "LENOVO" ? system.version : null;
}
