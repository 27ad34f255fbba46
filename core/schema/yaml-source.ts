import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from "yaml";
import type { KeyPath } from "./problems.js";
import { firstLine } from "../util/text.js";

/** 1-based line and column in a text file. @public */
export interface Position {
  readonly line: number;
  readonly col: number;
}

/** A YAML syntax error with its position. @public */
export interface YamlSyntaxError extends Position {
  readonly message: string;
}

/** A parsed YAML document that can say where each key path sits in the text. @public */
export interface YamlSource {
  /** The document as plain JavaScript data. */
  readonly value: unknown;
  /** Position of the key (or item) at `path`; the nearest existing ancestor when it is absent. */
  locate(path: KeyPath): Position | undefined;
}

/** The result of {@link parseYaml}: a source, or every syntax error found. @public */
export type YamlParseResult =
  | { readonly ok: true; readonly source: YamlSource }
  | { readonly ok: false; readonly errors: readonly YamlSyntaxError[] };

/**
 * Parses one YAML document with the `yaml` library, keeping positions so that schema problems
 * can name `file:line:col`. Duplicate keys are errors, as in the YAML spec.
 *
 * @public
 */
export function parseYaml(text: string): YamlParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): Position => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({ ...position(e.pos[0]), message: firstLine(e.message) })),
    };
  }
  return {
    ok: true,
    source: {
      value: doc.toJS({ maxAliasCount: 100 }) as unknown,
      locate: (path) => locateNode(doc.contents, path, position),
    },
  };
}

function locateNode(
  root: unknown,
  path: KeyPath,
  position: (offset: number) => Position,
): Position | undefined {
  let node: unknown = root;
  let found = rangeStart(node, position);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair === undefined) return found;
      found = rangeStart(pair.key, position) ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item: unknown = node.items[key];
      if (item === undefined) return found;
      found = rangeStart(item, position) ?? found;
      node = item;
    } else {
      return found;
    }
  }
  return found;
}

function rangeStart(node: unknown, position: (offset: number) => Position): Position | undefined {
  const range = (node as Node | undefined)?.range;
  return range === undefined || range === null ? undefined : position(range[0]);
}
