/** One difference between what a test case expected and what hclkit found. @public */
export interface Mismatch {
  /** Dotted path of the value: `capabilities.tpm.vendor`, `devices.tpm.facts.present`. */
  readonly path: string;
  readonly expected: unknown;
  readonly found: unknown;
  /** Why hclkit found what it found (the deciding evidence), when known. */
  readonly because?: string;
}

/**
 * Compares `found` with a partial `expected`: every key given in `expected` must match, keys left
 * out are not checked; arrays match element by element and by length; `null` must be `null`.
 *
 * @public
 */
export function comparePartial(expected: unknown, found: unknown, path = ""): Mismatch[] {
  if (expected === null || typeof expected !== "object") {
    return Object.is(expected, found) ? [] : [{ path, expected, found }];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(found)) return [{ path, expected, found }];
    if (expected.length !== found.length)
      return [{ path: `${path}.length`, expected: expected.length, found: found.length }];
    return expected.flatMap((item, i) => comparePartial(item, found[i], `${path}[${i}]`));
  }
  if (found === null || typeof found !== "object" || Array.isArray(found))
    return [{ path, expected, found }];
  return Object.entries(expected).flatMap(([key, value]) =>
    comparePartial(
      value,
      (found as Record<string, unknown>)[key],
      path === "" ? key : `${path}.${key}`,
    ),
  );
}

/** The mismatches as lines a person can act on. @public */
export function formatMismatches(title: string, mismatches: readonly Mismatch[]): string {
  const lines = mismatches.map(
    (m) =>
      `  ${m.path}: expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}${m.because ? `\n      because ${m.because}` : ""}`,
  );
  return `${title}: ${mismatches.length} mismatch${mismatches.length === 1 ? "" : "es"}\n${lines.join("\n")}`;
}
