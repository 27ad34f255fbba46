import type { Diagnostic, Parsed } from "../common.js";
import { splitLines } from "../text.js";
import type { Memory } from "./schema.js";

/** `MemTotal:       24684096 kB` (fs/proc/meminfo.c `show_val_kb`: the value is in KiB). */
const MEM_TOTAL = /^MemTotal:\s*(\d{1,15})\s*kB$/;

/**
 * Parses `/proc/meminfo` (hw-probe log `meminfo`) for `MemTotal`. Other lines are not read;
 * a `MemTotal` line in another form, or none at all, is reported.
 *
 * @public
 */
export function parseMeminfo(text: string, file: string): Parsed<Memory> {
  const diagnostics: Diagnostic[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (!line.startsWith("MemTotal:")) continue;
    const match = MEM_TOTAL.exec(line);
    const total = match?.[1] === undefined ? Number.NaN : Number(match[1]);
    if (Number.isSafeInteger(total))
      return { value: { totalKiB: total, at: { file, line: i + 1 } }, diagnostics };
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      line: i + 1,
      message: `line ${i + 1} of ${file} is not a MemTotal in kB`,
      expected: "MemTotal: <n> kB",
    });
  }
  if (diagnostics.length === 0)
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      message: `${file} has no MemTotal line`,
      expected: "MemTotal: <n> kB",
    });
  return { value: null, diagnostics };
}
