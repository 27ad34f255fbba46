import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { HclError } from "../errors/hcl-error.js";
import * as validators from "./suite-validators.generated.js";
import type { SchemaProblem } from "../schema/problems.js";
import {
  problem,
  readYamlFile,
  validateYaml,
  type YamlFileKind,
} from "../schema/read-yaml-file.js";

/**
 * A waiver (DESIGN.md, "Suites"): a reviewable document that accepts a failed or blocked
 * requirement on some platforms until a date. Every scope key given must match.
 *
 * @public
 */
export interface Waiver {
  readonly id: string;
  /** Requirement ids; `*` matches any run of characters (`tpm.*`). */
  readonly requirements: readonly string[];
  /** Suite id, or `id@version` prefix (`cvp@1.0`); every suite when absent. */
  readonly suite?: string;
  /** Which machines: every key given must match (`*` wildcards, case-insensitive). */
  readonly platform?: {
    readonly plugin?: string;
    readonly vendor?: string;
    readonly product?: string;
    readonly version?: string;
  };
  readonly reason: string;
  readonly issuer: string;
  /** Last day the waiver holds, `YYYY-MM-DD` (UTC). */
  readonly expires: string;
  readonly ticket: string;
}

/** A waiver and the file it came from. @public */
export interface LoadedWaiver {
  readonly waiver: Waiver;
  readonly file: string;
  readonly digest: string;
}

const WAIVER_KIND: YamlFileKind = {
  noun: "waiver",
  maxBytes: 64 * 1024,
  parseCode: "HCL_E_WAIVER_PARSE",
  invalidCode: "HCL_E_WAIVER_INVALID",
  hint: "A waiver has id, requirements, reason, issuer, expires (YYYY-MM-DD) and ticket; suite and platform narrow its scope (schemas/waiver.schema.json).",
};

const glob = { type: "string", minLength: 1, maxLength: 200 } as const;

/** JSON Schema of a waiver file, published as `schemas/waiver.schema.json`. @public */
export const waiverSchema = {
  $id: "https://hclkit.dev/schemas/waiver.schema.json",
  title: "hclkit waiver",
  type: "object",
  required: ["id", "requirements", "reason", "issuer", "expires", "ticket"],
  additionalProperties: false,
  properties: {
    id: {
      type: "string",
      pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$",
      description: "a waiver id such as W-2026-014",
    },
    requirements: { type: "array", minItems: 1, items: glob },
    suite: {
      type: "string",
      pattern: "^[a-z0-9]+(-[a-z0-9]+)*(@\\d+(\\.\\d+){0,2})?$",
      description: "a suite id, optionally @version",
    },
    platform: {
      type: "object",
      additionalProperties: false,
      minProperties: 1,
      properties: { plugin: glob, vendor: glob, product: glob, version: glob },
    },
    reason: { type: "string", minLength: 1 },
    issuer: { type: "string", minLength: 1 },
    expires: {
      type: "string",
      pattern: "^\\d{4}-\\d{2}-\\d{2}$",
      description: "a date YYYY-MM-DD",
    },
    ticket: { type: "string", minLength: 1 },
  },
} as const;

const validator = (): ValidateFunction<Waiver> => validators.waiver as ValidateFunction<Waiver>;

function waiverRules(w: Waiver): SchemaProblem[] {
  const d = new Date(`${w.expires}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== w.expires
    ? [problem(["expires"], `found "${w.expires}", expected a real date YYYY-MM-DD`)]
    : [];
}

/**
 * Reads every `*.yaml`/`*.yml` file of a folder as one waiver each; ids must be unique.
 *
 * @throws HclError `HCL_E_WAIVER_PARSE` (unreadable folder or file, YAML syntax) or
 *   `HCL_E_WAIVER_INVALID` (schema, bad date, duplicate id).
 * @public
 */
export async function loadWaivers(dir: string): Promise<LoadedWaiver[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (error) {
    throw new HclError("HCL_E_WAIVER_PARSE", `cannot read the waivers folder ${dir}`, {
      hint: "--waivers takes a folder of waiver YAML files.",
      cause: error,
      details: { dir },
    });
  }
  const out: LoadedWaiver[] = [];
  for (const name of names) {
    const yaml = await readYamlFile(path.join(dir, name), WAIVER_KIND);
    const waiver = validateYaml(yaml, WAIVER_KIND, validator(), waiverRules);
    const twin = out.find((w) => w.waiver.id === waiver.id);
    if (twin !== undefined)
      throw new HclError(
        "HCL_E_WAIVER_INVALID",
        `waiver id ${waiver.id} is used by ${twin.file} and ${yaml.file}`,
        {
          hint: "Give each waiver its own id.",
          details: { id: waiver.id, files: [twin.file, yaml.file] },
        },
      );
    out.push({ waiver, file: yaml.file, digest: yaml.digest });
  }
  return out;
}

/** Whether `text` matches a pattern where `*` is any run of characters. @public */
export function globMatches(pattern: string, text: string, ignoreCase = false): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, ignoreCase ? "iu" : "u").test(text);
}

/** The machine and suite a waiver's scope is matched against. @public */
export interface WaiverScope {
  readonly suiteId: string;
  readonly suiteVersion: string;
  readonly plugin: string | null;
  readonly vendor: string | null;
  readonly product: string | null;
  readonly version: string | null;
}

/** Whether the waiver covers this requirement on this machine and suite (expiry aside). @public */
export function waiverCovers(w: Waiver, requirement: string, scope: WaiverScope): boolean {
  if (!w.requirements.some((p) => globMatches(p, requirement))) return false;
  if (w.suite !== undefined) {
    const [id, version] = w.suite.split("@") as [string, string | undefined];
    if (id !== scope.suiteId) return false;
    if (version !== undefined && !`${scope.suiteVersion}.`.startsWith(`${version}.`)) return false;
  }
  const p = w.platform ?? {};
  const keys = ["plugin", "vendor", "product", "version"] as const;
  return keys.every((k) => {
    const want = p[k];
    if (want === undefined) return true;
    const have = scope[k];
    return have !== null && globMatches(want, have.trim(), true);
  });
}

/** Whether the waiver has expired on `today` (`YYYY-MM-DD`): it holds through its last day. @public */
export function waiverExpired(w: Waiver, today: string): boolean {
  return w.expires < today;
}
