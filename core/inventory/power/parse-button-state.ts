import type { Parsed } from "../common.js";

/**
 * A lid's `/proc/acpi/button/lid/<name>/state` (drivers/acpi/button.c
 * `acpi_button_state_seq_show`): `state:      open`, `closed`, or `unsupported` when the
 * firmware has no `_LID` answer — then `null`, which is not an error of the evidence.
 *
 * @public
 */
export function parseButtonState(text: string, file: string): Parsed<"open" | "closed"> {
  const line = text.split("\n", 1)[0]?.trim() ?? "";
  const colon = line.indexOf(":");
  const key = colon < 0 ? "" : line.slice(0, colon).trim();
  const value = colon < 0 ? "" : line.slice(colon + 1).trim();
  if (key === "state" && (value === "open" || value === "closed"))
    return { value, diagnostics: [] };
  if (key === "state" && value === "unsupported") return { value: null, diagnostics: [] };
  return {
    value: null,
    diagnostics: [
      {
        code: "HCL_E_EVIDENCE_MALFORMED",
        file,
        line: 1,
        message: `${file}: "${line.slice(0, 40)}" is not a button state`,
        expected: "state: open | closed | unsupported",
      },
    ],
  };
}
