import fc from "fast-check";

/** Property-test runs: enough to meet the corner cases, few enough for a file of tests in seconds. */
export const RUNS = { numRuns: 200 } as const;

/** The characters hw-probe logs and sysfs files are made of: hex, separators, white space. */
const DUMP_CHARACTERS = '\t\n\r "()-./0123456789:=ABCDEFHILMNPQSTUV[]abcdeflnptxy';

/** Pieces common to the logs, whole: prefixes and records that parsers key on. */
const DUMP_PIECES = ["Bus ", "pcilib: ", "12: PCI 1f.2: 0106 x", "0x", "\t", "\n", '"'];

/** What is inserted into a real text: random characters or bytes, and structure out of place. */
const JUNK = ["{", "}", "/*", '"', "\n", "\n----\n", "\t", ":", "=", "0x"];

/**
 * One edit of a real text, at a position given as fractions (`at` of the lines, `col` of a
 * line's characters), so that it applies to any text: cut short; a block of lines deleted,
 * duplicated, reversed or rotated; two lines swapped; junk inserted.
 */
export type TextEdit =
  | { readonly kind: "truncate"; readonly at: number; readonly col: number }
  | {
      readonly kind: "delete" | "duplicate" | "reverse" | "shuffle";
      readonly at: number;
      readonly count: number;
    }
  | { readonly kind: "swap"; readonly at: number; readonly to: number }
  | { readonly kind: "insert"; readonly at: number; readonly col: number; readonly text: string };

// Built once, when the module loads: fast-check's first binary-text arbitrary is costly to make.
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const binaryText = fc.string({ unit: "binary", maxLength: 400 });
const binaryJunk = fc.string({ unit: "binary", maxLength: 40 });

/**
 * One to eight edits of a text, the ways real dumps go wrong; `junk` adds pieces of the format at
 * hand to what may be inserted (`DSDT\n----\n` into an ACPI dump).
 */
export function textEdits(junk: readonly string[] = []): fc.Arbitrary<TextEdit[]> {
  const inserted = fc.oneof(
    binaryJunk,
    fc.uint8Array({ maxLength: 40 }).map((bytes) => String.fromCharCode(...bytes)),
    fc.constantFrom(...JUNK, ...junk),
  );
  const edit: fc.Arbitrary<TextEdit> = fc.oneof(
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fraction, col: fraction }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constantFrom(
          "delete" as const,
          "duplicate" as const,
          "reverse" as const,
          "shuffle" as const,
        ),
        at: fraction,
        count: fc.integer({ min: 1, max: 60 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant("swap" as const), at: fraction, to: fraction }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("insert" as const),
        at: fraction,
        col: fraction,
        text: inserted,
      }),
    },
  );
  return fc.array(edit, { minLength: 1, maxLength: 8 });
}

/** A text with edits applied in turn. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let lines = text.split("\n");
  for (const edit of edits) {
    if (lines.length === 0) lines = [""];
    const index = Math.min(lines.length - 1, Math.floor(edit.at * lines.length));
    const line = lines[index] as string;
    switch (edit.kind) {
      case "truncate":
        lines = [...lines.slice(0, index), line.slice(0, Math.floor(edit.col * line.length))];
        break;
      case "insert": {
        const cut = Math.floor(edit.col * line.length);
        lines[index] = line.slice(0, cut) + edit.text + line.slice(cut);
        break;
      }
      case "swap": {
        const other = Math.min(lines.length - 1, Math.floor(edit.to * lines.length));
        [lines[index], lines[other]] = [lines[other] as string, line];
        break;
      }
      case "delete":
        lines.splice(index, edit.count);
        break;
      case "duplicate":
        lines.splice(index, 0, ...lines.slice(index, index + edit.count));
        break;
      case "reverse":
      case "shuffle": {
        const part = lines.slice(index, index + edit.count).reverse();
        const moved = edit.kind === "reverse" ? part : [...part.slice(1), ...part.slice(0, 1)];
        lines.splice(index, part.length, ...moved);
        break;
      }
    }
  }
  return lines.join("\n");
}

/** One of `bases` (real dumps) with one to eight {@link TextEdit}s applied. */
export function mutatedText(
  bases: string | readonly string[],
  junk: readonly string[] = [],
): fc.Arbitrary<string> {
  const texts = typeof bases === "string" ? [bases] : bases;
  return fc
    .tuple(fc.constantFrom(...texts), textEdits(junk))
    .map(([text, edits]) => applyEdits(text, edits));
}

/**
 * Any text: random code points, or lines made of what logs are made of — their characters,
 * printable ASCII, and whole pieces (`pieces` adds lines of the format at hand).
 */
export function anyText(pieces: readonly string[] = []): fc.Arbitrary<string> {
  const piece = fc.constantFrom(...DUMP_PIECES, ...pieces);
  const fragment = fc.oneof(
    fc.string({ unit: fc.constantFrom(...DUMP_CHARACTERS), maxLength: 40 }),
    fc.string({ maxLength: 20 }),
    piece,
  );
  const line = fc.oneof(
    piece,
    fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")),
  );
  return fc.oneof(
    binaryText,
    fc.array(line, { maxLength: 60 }).map((lines) => lines.join("\n")),
  );
}

/** Real bytes mutated: cut short, up to 20 bytes changed, or 1 to 8 random bytes inserted. */
export function mutatedBytes(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.nat({ max: base.length }).map((n) => base.slice(0, n)),
    fc
      .array(fc.tuple(fc.nat({ max: Math.max(0, base.length - 1) }), fc.nat({ max: 255 })), {
        maxLength: 20,
      })
      .map((changes) => {
        const out = Uint8Array.from(base);
        for (const [at, byte] of changes) out[at] = byte;
        return out;
      }),
    fc
      .tuple(fc.nat({ max: base.length }), fc.uint8Array({ minLength: 1, maxLength: 8 }))
      .map(([at, junk]) => Uint8Array.from([...base.slice(0, at), ...junk, ...base.slice(at)])),
  );
}
