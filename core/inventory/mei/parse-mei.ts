import type { Diagnostic, Parsed } from "../common.js";
import { splitLines } from "../text.js";

/** `%u:%u.%u.%u.%u` (drivers/misc/mei/main.c `fw_ver_show`). */
const FW_VER = /^\d{1,10}:\d{1,10}\.\d{1,10}\.\d{1,10}\.\d{1,10}$/;
/** `%08X` (drivers/misc/mei/main.c `fw_status_show`). */
const FW_STATUS = /^[0-9a-fA-F]{8}$/;

/**
 * Parses a MEI `fw_ver` attribute: up to three `<platform>:<major>.<minor>.<hotfix>.<build>`
 * lines (firmware code, recovery, flash partitions), all-zero lines kept as they are.
 *
 * @public
 */
export function parseMeiFwVer(text: string, file: string): Parsed<string[]> {
  return lines(text, file, FW_VER, "<platform>:<major>.<minor>.<hotfix>.<build>", (l) => l);
}

/**
 * Parses a MEI `fw_status` attribute: one 32-bit register per line in hex (`1E000255`), as
 * lower-case hex.
 *
 * @public
 */
export function parseMeiFwStatus(text: string, file: string): Parsed<string[]> {
  return lines(text, file, FW_STATUS, "8 hex digits", (l) => l.toLowerCase());
}

function lines(
  text: string,
  file: string,
  form: RegExp,
  expected: string,
  normalize: (line: string) => string,
): Parsed<string[]> {
  const diagnostics: Diagnostic[] = [];
  const values: string[] = [];
  const all = splitLines(text);
  for (let i = 0; i < all.length; i++) {
    const line = (all[i] as string).trim();
    if (line === "") continue;
    if (form.test(line)) values.push(normalize(line));
    else
      diagnostics.push({
        code: "HCL_E_EVIDENCE_MALFORMED",
        file,
        line: i + 1,
        message: `line ${i + 1} of ${file} is ${JSON.stringify(line.slice(0, 40))}`,
        expected,
      });
  }
  return { value: values, diagnostics };
}
