import type { Diagnostic } from "../common.js";
import { isLspciHeader } from "./lspci-header.js";

/** A line of an lspci dump as lspci wrote it to stdout, with the lines of the dump it spans. */
export interface LspciLine {
  readonly text: string;
  /** 1-based line of the dump. */
  readonly line: number;
  /** Last line of the dump, when a warning split this one over two. */
  readonly endLine?: number;
}

/** Where lspci and its library print warnings (pciutils `lspci.c`, `lib/*.c`, `ls-kernel.c`). */
const WARNING_PREFIXES = ["pcilib: ", "lspci: "];

/**
 * The stdout lines of an lspci dump whose stderr was captured into the same file, as hw-probe
 * does: a warning such as `pcilib: sysfs_read_vpd: read failed: Connection timed out` can land
 * in the middle of a line (stdout is buffered, stderr is not), leaving
 * `… SATA AHCI Contrpcilib: sysfs_read_vpd: …` followed by `oller [8086:1c03] (rev 05)`. The
 * warning is cut out and the two halves are joined again; each warning becomes a diagnostic.
 *
 * @public
 */
export function lspciStdoutLines(
  lines: readonly string[],
  file: string,
): {
  lines: LspciLine[];
  diagnostics: Diagnostic[];
} {
  const out: LspciLine[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? "";
    const at = warningAt(text);
    if (at < 0) {
      out.push({ text, line: i + 1 });
      continue;
    }
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      line: i + 1,
      message: `${file}:${i + 1}: lspci's warning "${text.slice(at)}" is mixed into its output; it was cut out`,
      expected: "lspci output without interleaved warnings",
    });
    if (at === 0) continue;
    const next = lines[i + 1];
    if (next !== undefined && !isLspciHeader(next)) {
      out.push({ text: text.slice(0, at) + next, line: i + 1, endLine: i + 2 });
      i++;
    } else {
      out.push({ text: text.slice(0, at), line: i + 1 });
    }
  }
  return { lines: out, diagnostics };
}

function warningAt(text: string): number {
  let best = -1;
  for (const prefix of WARNING_PREFIXES) {
    const at = text.indexOf(prefix);
    // "lspci: " only counts at the start of a line: device names may contain the word.
    if (at === 0 || (at > 0 && prefix === "pcilib: ")) best = best < 0 ? at : Math.min(best, at);
  }
  return best;
}
