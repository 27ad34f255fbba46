import type { Arbitrary } from "fast-check";
import { anyText } from "../../../../helpers/mutations.js";

/** Lines of dmidecode output, whole and out of place, for {@link dmidecodeLikeText}. */
const DMIDECODE_LINES = [
  "",
  "Handle 0x0001, DMI type 1, 27 bytes",
  "Handle 0x0002, DMI type 131, 64 bytes",
  "Handle 0x0003",
  "Handle 0xFFFF, DMI type 999, 300 bytes",
  "Handle 0x0004",
  "\tDMI type 300, 4 bytes.",
  "\tDMI type 130, 20 bytes.",
  "System Information",
  "OEM-specific Type",
  "End Of Table",
  "\tHeader and Data:",
  "\tStrings:",
  "\tCharacteristics:",
  "\t\t83 40 4C 00 3F 00 00 00",
  "\t\t82 14",
  "SMBIOS 2.6 present.",
  "3 structures occupying 80 bytes.",
  "\t<TRUNCATED>",
];

/** Text made of what dmidecode output is made of, in random order, and any text at all. */
export function dmidecodeLikeText(): Arbitrary<string> {
  return anyText(DMIDECODE_LINES);
}

/** A section without its `at` references and printed raw values, to compare two readings. */
export function withoutSources(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (key === "at" || key === "raw" ? undefined : v)),
  );
}
