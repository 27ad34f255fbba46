import type { ErrorObject } from "ajv";
import { didYouMean } from "../errors/suggest.js";

/** A path into a document: keys and array indexes. @public */
export type KeyPath = readonly (string | number)[];

/**
 * One thing wrong with a document, in words a user can act on: where (key path), what was
 * found, what was expected, and the nearest valid name when one exists.
 *
 * @public
 */
export interface SchemaProblem {
  readonly path: KeyPath;
  readonly message: string;
  readonly suggestion?: string;
}

/** `drivers[2].class`, or `(root)` for the document itself. @public */
export function formatKeyPath(path: KeyPath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === "" ? "(root)" : out;
}

/** A short, quoted rendering of a found value. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Turns Ajv's errors (compiled with `allErrors` and `verbose`) into {@link SchemaProblem}s.
 * Summary errors of `anyOf`/`oneOf`/`if` whose branches already explain themselves are dropped.
 *
 * @public
 */
export function problemsFromAjv(
  errors: readonly ErrorObject[] | null | undefined,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const error of errors ?? []) {
    if (error.keyword === "if") continue;
    const problem = problemFromAjv(error);
    if (!problems.some((p) => sameProblem(p, problem))) problems.push(problem);
  }
  return problems;
}

function sameProblem(a: SchemaProblem, b: SchemaProblem): boolean {
  return a.message === b.message && formatKeyPath(a.path) === formatKeyPath(b.path);
}

function problemFromAjv(error: ErrorObject): SchemaProblem {
  const path = parsePointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as { description?: string; properties?: object };
  const found = describeValue(error.data);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params["additionalProperty"]);
      const known = Object.keys(parent.properties ?? {});
      const suggestion = didYouMean(key, known);
      const expected = known.length > 0 ? `; expected one of ${known.join(", ")}` : "";
      return withSuggestion(
        { path: [...path, key], message: `unknown key "${key}"${expected}` },
        suggestion,
      );
    }
    case "required":
      return { path, message: `missing required key "${String(params["missingProperty"])}"` };
    case "enum": {
      const allowed = (params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v));
      const suggestion =
        typeof error.data === "string"
          ? didYouMean(error.data, (params["allowedValues"] as unknown[]).map(String))
          : undefined;
      return withSuggestion(
        { path, message: `found ${found}, expected one of ${allowed.join(", ")}` },
        suggestion,
      );
    }
    case "const":
      return {
        path,
        message: `found ${found}, expected ${JSON.stringify(params["allowedValue"])}`,
      };
    case "type":
      return { path, message: `found ${found}, expected ${String(params["type"])}` };
    case "pattern":
    case "format":
      return {
        path,
        message: `found ${found}, expected ${parent.description ?? error.message ?? ""}`,
      };
    default:
      return parent.description === undefined
        ? { path, message: `found ${found}, ${error.message ?? "is invalid"}` }
        : { path, message: `found ${found}, expected ${parent.description}` };
  }
}

function withSuggestion(problem: SchemaProblem, suggestion: string | undefined): SchemaProblem {
  return suggestion === undefined
    ? problem
    : { ...problem, message: `${problem.message}; did you mean "${suggestion}"?`, suggestion };
}

/** JSON Pointer (`/drivers/2/class`) to a key path; digit-only segments become indexes. */
export function parsePointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((key) => (/^(0|[1-9]\d*)$/.test(key) ? Number(key) : key));
}
