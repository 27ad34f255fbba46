/** Every `line`/`endLine` in a value (its SourceRefs), to check they point into the text. */
export function citedLines(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const item of value) citedLines(item, out);
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if ((key === "line" || key === "endLine") && typeof item === "number") out.push(item);
      else citedLines(item, out);
    }
  }
  return out;
}

/** Pieces of a decoded ACPI dump inserted out of place: a section title, a lying raw length. */
export const ACPI_JUNK = ["DSDT\n----\n", "Raw Table Data: Length 99999\n"];
