import type { Diagnostic, Parsed } from "../common.js";
import { splitLines } from "../text.js";

/** TPM 1.2 PCRs are SHA-1 values (TPM_SHA1_160_HASH_LEN). */
const SHA1_BYTES = 20;
const HEX_BYTE = /^[0-9a-fA-F]{2}$/;
const PCR_LABEL = /^PCR-(\d{1,2})$/;

/**
 * Parses a TPM 1.2 `pcrs` attribute: one `PCR-07: 0A 2A … 6D EA ` line per register, 20 hex
 * bytes each (drivers/char/tpm/tpm-sysfs.c `pcrs_show`), into index (`7`) → lower-case hex.
 * Lines of another form are reported and skipped.
 *
 * @public
 */
export function parseTpmPcrs(text: string, file: string): Parsed<Record<string, string>> {
  const diagnostics: Diagnostic[] = [];
  const pcrs: Record<string, string> = {};
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === "") continue;
    const colon = line.indexOf(":");
    const label = colon === -1 ? null : PCR_LABEL.exec(line.slice(0, colon));
    const bytes =
      colon === -1
        ? []
        : line
            .slice(colon + 1)
            .split(" ")
            .filter((b) => b !== "");
    if (
      label?.[1] === undefined ||
      bytes.length !== SHA1_BYTES ||
      !bytes.every((b) => HEX_BYTE.test(b))
    ) {
      diagnostics.push({
        code: "HCL_E_EVIDENCE_MALFORMED",
        file,
        line: i + 1,
        message: `line ${i + 1} of ${file} is not a PCR value`,
        expected: "PCR-NN: followed by 20 hex bytes",
      });
      continue;
    }
    pcrs[String(Number(label[1]))] = bytes.join("").toLowerCase();
  }
  return { value: pcrs, diagnostics };
}

/**
 * Parses one TPM 2.0 PCR file, `/sys/class/tpm/tpm0/pcr-sha256/7`: the digest in hex on one line
 * (Documentation/ABI/stable/sysfs-class-tpm, "compact hex representation"), as lower-case hex.
 *
 * @public
 */
export function parseTpmPcrValue(text: string, file: string): Parsed<string> {
  const value = text.trim();
  if (
    value.length > 0 &&
    value.length % 2 === 0 &&
    value.length <= 256 &&
    /^[0-9a-fA-F]+$/.test(value)
  )
    return { value: value.toLowerCase(), diagnostics: [] };
  return {
    value: null,
    diagnostics: [
      {
        code: "HCL_E_EVIDENCE_MALFORMED",
        file,
        message: `${file} is not a PCR digest in hex`,
        expected: "hex digest",
      },
    ],
  };
}
