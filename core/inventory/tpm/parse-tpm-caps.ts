import type { Diagnostic, Parsed } from "../common.js";
import { splitLines } from "../text.js";
import type { TpmCaps, TpmManufacturer } from "./schema.js";

const MANUFACTURER = /^0x([0-9a-fA-F]{1,8})$/;
const VERSION = /^\d{1,5}\.\d{1,5}$/;

/**
 * Parses a TPM 1.2 `caps` attribute: `Manufacturer: 0x49465800`, `TCG version: 1.2`,
 * `Firmware version: 6.40` (drivers/char/tpm/tpm-sysfs.c `caps_show`, `%X` for the
 * manufacturer; the ABI document's example is lower-case, so case is ignored). Other lines are
 * tolerated; a known line with a value of another form is reported.
 *
 * @public
 */
export function parseTpmCaps(text: string, file: string): Parsed<TpmCaps> {
  const diagnostics: Diagnostic[] = [];
  const caps: { -readonly [K in keyof TpmCaps]: TpmCaps[K] } = {
    manufacturer: null,
    tcgVersion: null,
    firmwareVersion: null,
  };
  let known = 0;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const bad = (expected: string): void => {
      diagnostics.push({
        code: "HCL_E_EVIDENCE_MALFORMED",
        file,
        line: i + 1,
        message: `${key} on line ${i + 1} of ${file} is ${JSON.stringify(value.slice(0, 40))}`,
        expected,
      });
    };
    if (key === "Manufacturer") {
      known++;
      const match = MANUFACTURER.exec(value);
      if (match?.[1] === undefined) bad("0x<8 hex digits>");
      else caps.manufacturer = tcgVendor(Number.parseInt(match[1], 16));
    } else if (key === "TCG version" || key === "Firmware version") {
      known++;
      if (!VERSION.test(value)) bad("<major>.<minor>");
      else if (key === "TCG version") caps.tcgVersion = value;
      else caps.firmwareVersion = value;
    }
  }
  if (known === 0) {
    diagnostics.push({
      code: "HCL_E_EVIDENCE_MALFORMED",
      file,
      message: `${file} has none of the Manufacturer, TCG version, Firmware version lines`,
      expected: "Manufacturer: 0x…",
    });
    return { value: null, diagnostics };
  }
  return { value: caps, diagnostics };
}

/**
 * A TCG vendor ID as hex and as its four ASCII characters, big-endian (`0x49465800` → `IFX`,
 * `0x53544D20` → `STM`), padding NULs and spaces trimmed (TCG "Vendor ID Registry").
 *
 * @public
 */
export function tcgVendor(id: number): TpmManufacturer {
  const bytes = [(id >>> 24) & 0xff, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff];
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20)) end--;
  const kept = bytes.slice(0, end);
  const printable = kept.length > 0 && kept.every((b) => b > 0x20 && b < 0x7f);
  return {
    id: (id >>> 0).toString(16).padStart(8, "0"),
    vendor: printable ? String.fromCharCode(...kept) : null,
  };
}
