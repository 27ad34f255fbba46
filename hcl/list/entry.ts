import { parse, stringify } from "yaml";
import type { FeatureStatus, Overall, Verdict } from "../../core/suite/verdicts.js";

/** One suite version's result for a model, resting on one bundle. @public */
export interface EntryResult {
  readonly status: Overall;
  readonly features: Readonly<Record<string, FeatureStatus>>;
  /** Why the status is what it is (the report's reasons). */
  readonly footnotes: readonly string[];
  /** Requirements that did not pass, with their verdict and reason. */
  readonly attention: readonly {
    readonly requirement: string;
    readonly verdict: Verdict;
    readonly reason: string;
  }[];
  readonly waivers: readonly string[];
  readonly bundle: string;
  readonly session: string;
  readonly testedAt: string;
  readonly addedAt: string;
  /** Earlier bundles for this suite version, newest first. */
  readonly history: readonly {
    readonly bundle: string;
    readonly status: Overall;
    readonly testedAt: string;
    readonly addedAt: string;
    readonly supersededAt: string;
  }[];
}

/** `entries/<vendor>/<model>.yaml`: one laptop model and its results per suite version. @public */
export interface Entry {
  readonly vendor: string;
  readonly model: string;
  /** The marketing name (SMBIOS system version, e.g. "ThinkPad T410"), when the firmware gives one. */
  readonly name: string | null;
  readonly platform: string | null;
  /** How a machine is recognised as this model: SMBIOS system vendor and product. */
  readonly match: { readonly vendor: string; readonly product: string };
  /** Results by suite version (`cvp@1.0.0`). */
  readonly results: Readonly<Record<string, EntryResult>>;
}

/** A lower-case file-name part: letters, digits and single dashes. @public */
export function slug(text: string): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s === "" ? "unknown" : s.slice(0, 80);
}

/** The entry's path inside the HCL: `entries/lenovo/2537pw4.yaml`. @public */
export function entryPath(vendor: string, model: string): string {
  return `entries/${slug(vendor)}/${slug(model)}.yaml`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** An entry's text: deterministic (keys sorted, no line folding), so diffs in review are minimal. @public */
export function entryText(entry: Entry): string {
  const { vendor, model, name, platform, match, results } = entry;
  return stringify(
    { vendor, model, name, platform, match, results: sortKeys(results) },
    { lineWidth: 0 },
  );
}

/** Parses an entry's text. @public */
export function parseEntry(text: string): Entry {
  return parse(text) as Entry;
}
