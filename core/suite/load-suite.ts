import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { HclError } from "../errors/hcl-error.js";
import * as validators from "./suite-validators.generated.js";
import { readYamlFile, validateYaml, type YamlFileKind } from "../schema/read-yaml-file.js";
import { suiteProblems } from "./suite-rules.js";
import type { Suite } from "./suite-schema.js";
import type { TestCatalog } from "./test-catalog.js";

/** A suite read from its file: the document, the file, and the digest of its bytes. @public */
export interface LoadedSuite {
  readonly suite: Suite;
  readonly file: string;
  /** `sha256:<hex>` of the file's bytes: sessions and reports name the suite by it. */
  readonly digest: string;
  readonly text: string;
}

/** A suite is a page of YAML: 1 MiB is far beyond any real one, and bounds what is parsed. */
const SUITE_MAX_BYTES = 1024 * 1024;

const SUITE_KIND: YamlFileKind = {
  noun: "suite",
  maxBytes: SUITE_MAX_BYTES,
  parseCode: "HCL_E_SUITE_PARSE",
  invalidCode: "HCL_E_SUITE_INVALID",
  hint: "Fix the keys shown; `hclkit suites facts` and `hclkit suites tests` list the names a suite may use, and schemas/suite.schema.json completes suites in editors.",
};

const validator = validators.suite as ValidateFunction<Suite>;

/**
 * Reads and validates a suite file: size, YAML, schema, then the rules (known facts, tests and
 * features, params, limits).
 *
 * @throws HclError `HCL_E_SUITE_PARSE` or `HCL_E_SUITE_INVALID`, naming `file:line:col`, the key
 *   path, what was found and what was expected.
 * @public
 */
export async function loadSuiteFile(file: string, tests: TestCatalog): Promise<LoadedSuite> {
  const yaml = await readYamlFile(file, SUITE_KIND);
  const suite = validateYaml(yaml, SUITE_KIND, validator, (s) => suiteProblems(s, tests));
  return { suite, file, digest: yaml.digest, text: yaml.text };
}

/** `id`, `id@1`, `id@1.1`, `id@1.1.0`. */
const REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:@(\d+(?:\.\d+){0,2}))?$/;

/** True when `ref` names a file rather than a suite id. @public */
export function isSuitePath(ref: string): boolean {
  return ref.includes("/") || ref.includes(path.sep) || /\.ya?ml$/i.test(ref);
}

/** Every suite in the folders given (`*.yaml`, `*.yml`), sorted by id then version. @public */
export async function listSuites(
  dirs: readonly string[],
  tests: TestCatalog,
): Promise<LoadedSuite[]> {
  const suites: LoadedSuite[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => /\.ya?ml$/i.test(n)).sort())
      suites.push(await loadSuiteFile(path.join(dir, name), tests));
  }
  return suites.sort(
    (a, b) =>
      a.suite.id.localeCompare(b.suite.id) || compareVersions(a.suite.version, b.suite.version),
  );
}

/**
 * Finds a suite by `ID[@VERSION]` in the suite folders (the newest version matching a partial
 * one: `cvp@1` is the newest 1.x) or reads it from a file path.
 *
 * @throws HclError `HCL_E_SUITE_NOT_FOUND`, with the suites there are; or a load error.
 * @public
 */
export async function findSuite(
  ref: string,
  options: { readonly dirs: readonly string[]; readonly cwd: string; readonly tests: TestCatalog },
): Promise<LoadedSuite> {
  if (isSuitePath(ref)) return loadSuiteFile(path.resolve(options.cwd, ref), options.tests);
  const m = REF.exec(ref);
  if (m === null)
    throw new HclError(
      "HCL_E_SUITE_NOT_FOUND",
      `--suite ${ref} is neither ID[@VERSION] nor a .yaml file`,
      {
        hint: "Give a suite id such as cvp or cvp@1.0, or the path of a suite file.",
        details: { found: ref },
      },
    );
  const [, id, version] = m as unknown as [string, string, string | undefined];
  const all = await listSuites(options.dirs, options.tests);
  const matching = all.filter(
    (s) => s.suite.id === id && (version === undefined || versionMatches(s.suite.version, version)),
  );
  const found = matching.at(-1);
  if (found !== undefined) return found;
  const known = all.map((s) => `${s.suite.id}@${s.suite.version}`);
  throw new HclError(
    "HCL_E_SUITE_NOT_FOUND",
    `no suite ${ref}; the suites are ${known.length === 0 ? "none" : known.join(", ")}`,
    { hint: "Run `hclkit suites list`.", details: { found: ref, known } },
  );
}

function versionMatches(version: string, partial: string): boolean {
  const want = partial.split(".");
  const have = version.split(/[.-]/);
  return want.every((part, i) => have[i] === part);
}

/** Semantic-version order of `major.minor.patch` (pre-releases before their release). @public */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split("-", 2) as [string, string | undefined];
    return { nums: core.split(".").map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre.localeCompare(y.pre);
}
