import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import type { ValidateFunction } from "ajv";
import { HclError } from "../errors/hcl-error.js";
import type { ErrorCode } from "../errors/codes.js";
import { formatKeyPath, problemsFromAjv, type KeyPath, type SchemaProblem } from "./problems.js";
import { parseYaml, type YamlSource } from "./yaml-source.js";

/** A YAML input file read whole: its text, digest and parsed document. @public */
export interface YamlFile {
  readonly file: string;
  readonly text: string;
  /** `sha256:<hex>` of the bytes read. */
  readonly digest: string;
  readonly source: YamlSource;
}

/** The codes and words one kind of input file uses. @public */
export interface YamlFileKind {
  /** "suite", "waiver", "answers file": used in messages. */
  readonly noun: string;
  /** Refused above this many bytes, before parsing. */
  readonly maxBytes: number;
  /** Unreadable, too large or not YAML. */
  readonly parseCode: ErrorCode;
  /** Breaks the schema or the rules. */
  readonly invalidCode: ErrorCode;
  /** What to do about a schema problem. */
  readonly hint: string;
  /** How the message of a schema problem begins after the file name; `is not a valid <noun>` by default. */
  readonly invalidHeading?: string;
}

/**
 * Reads a YAML input file a user hands over (suite, waiver, answers): refuses one larger than
 * `kind.maxBytes` before reading it whole, and refuses syntax errors, duplicate keys and alias
 * expansion beyond 100 aliases, each with `file:line:col`.
 *
 * @throws HclError `kind.parseCode`.
 * @public
 */
export async function readYamlFile(file: string, kind: YamlFileKind): Promise<YamlFile> {
  const bytes = await readBounded(file, kind);
  return parseYamlText(
    bytes.toString("utf8"),
    file,
    kind,
    `sha256:${createHash("sha256").update(bytes).digest("hex")}`,
  );
}

/**
 * Parses the text of a YAML input file (what {@link readYamlFile} does after reading it):
 * syntax errors, duplicate keys and alias expansion beyond 100 aliases are refused with
 * `file:line:col`.
 *
 * @throws HclError `kind.parseCode`.
 * @public
 */
export function parseYamlText(
  text: string,
  file: string,
  kind: YamlFileKind,
  digest: string,
): YamlFile {
  let parsed;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    // yaml throws (rather than reporting) when alias expansion passes maxAliasCount.
    throw new HclError(
      kind.parseCode,
      `${file} is not a usable ${kind.noun}: ${(error as Error).message}`,
      {
        hint: "YAML aliases may expand at most 100 times; write the values out.",
        details: { file },
      },
    );
  }
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const list = parsed.errors.map((e) => `  ${file}:${e.line}:${e.col} ${e.message}`).join("\n");
    throw new HclError(kind.parseCode, `${file} is not valid YAML:\n${list}`, {
      hint: "Fix the YAML syntax at the position shown.",
      details: { file, line: first?.line, col: first?.col, errors: parsed.errors },
    });
  }
  return { file, text, digest, source: parsed.source };
}

async function readBounded(file: string, kind: YamlFileKind): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new HclError(
      kind.parseCode,
      code === "ENOENT"
        ? `${kind.noun} file ${file} does not exist`
        : `cannot read ${kind.noun} file ${file} (${code ?? "error"})`,
      { hint: "Check the path.", cause: error, details: { file } },
    );
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw new HclError(kind.parseCode, `${file} is not a file`, { details: { file } });
    if (stat.size > kind.maxBytes)
      throw new HclError(
        kind.parseCode,
        `${file} is ${stat.size} bytes; a ${kind.noun} is at most ${kind.maxBytes} bytes`,
        {
          hint: `Is this really a ${kind.noun}?`,
          details: { file, size: stat.size, max: kind.maxBytes },
        },
      );
    const buffer = Buffer.alloc(Math.min(stat.size, kind.maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > kind.maxBytes)
      throw new HclError(kind.parseCode, `${file} grew past ${kind.maxBytes} bytes while read`, {
        details: { file },
      });
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A problem located in a file: `file:line:col key.path: message`. @public */
export interface LocatedProblem {
  readonly at: string;
  readonly path: string;
  readonly message: string;
}

/** Locates problems in the file, `file:line:col`. @public */
export function locateProblems(
  yaml: YamlFile,
  problems: readonly SchemaProblem[],
): LocatedProblem[] {
  return problems.map((p) => {
    const pos = yaml.source.locate(p.path);
    return {
      at: pos === undefined ? yaml.file : `${yaml.file}:${pos.line}:${pos.col}`,
      path: formatKeyPath(p.path),
      message: p.message,
    };
  });
}

/**
 * Validates the document with a compiled schema and then with `rules` (what a schema cannot
 * say); any problem throws `kind.invalidCode` listing every problem with its position.
 *
 * @public
 */
export function validateYaml<T>(
  yaml: YamlFile,
  kind: YamlFileKind,
  validate: ValidateFunction<T>,
  rules?: (value: T) => SchemaProblem[],
): T {
  const value = yaml.source.value ?? {};
  const problems = validate(value) ? (rules?.(value) ?? []) : problemsFromAjv(validate.errors);
  if (problems.length === 0) return value as T;
  throw invalidError(yaml, kind, problems);
}

/** The error for a list of problems in a YAML file. @public */
export function invalidError(
  yaml: YamlFile,
  kind: YamlFileKind,
  problems: readonly SchemaProblem[],
): HclError {
  const located = locateProblems(yaml, problems);
  return new HclError(
    kind.invalidCode,
    `${yaml.file} ${kind.invalidHeading ?? `is not a valid ${kind.noun}`}:\n${located.map((p) => `  ${p.at} ${p.path}: ${p.message}`).join("\n")}`,
    { hint: kind.hint, details: { file: yaml.file, problems: located } },
  );
}

/** A problem at a key path. @public */
export function problem(path: KeyPath, message: string, suggestion?: string): SchemaProblem {
  return suggestion === undefined
    ? { path, message }
    : { path, message: `${message}; did you mean "${suggestion}"?`, suggestion };
}
