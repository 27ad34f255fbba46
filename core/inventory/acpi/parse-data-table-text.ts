import type { Diagnostic } from "../common.js";
import type { AcpiTable } from "./schema.js";
import { TextFieldMapper } from "./text-table-fields.js";

/** One table section of iasl's data-table dump, read. */
export interface DataTableSection {
  readonly table: AcpiTable;
  /** 1-based line of each kept field (`flags` → the FADT flags line). */
  readonly fieldLines: ReadonlyMap<string, number>;
}

/** A field line: `[024h 0036   1]   Host Address Width : 23` (newer iasl: `[024h 0036 001h]`). */
interface FieldLine {
  readonly offset: number;
  readonly size: number | null;
  readonly name: string;
  readonly value: string;
}

/**
 * Reads one table section of iasl's data-table format (`iasl -d` on a data table, as hw-probe
 * stores it in `logs/acpidump_decoded`): the header fields, the fields kept for TCPA, TPM2, DMAR
 * and FACP (keys as in `AcpiTableSchema`, numbers at the width of the field), and the checksum
 * when the `Raw Table Data` hex that follows is whole.
 *
 * `lines[start]` is the first line after the section's `----` underline; `end` is exclusive.
 * Unknown lines are skipped; field lines that cannot be read are reported.
 *
 * @public
 */
export function readDataTableSection(
  lines: readonly string[],
  start: number,
  end: number,
  file: string,
  sectionName: string,
  diagnostics: Diagnostic[],
): DataTableSection {
  const table: AcpiTable = {
    signature: sectionName.slice(0, 4),
    revision: null,
    oemId: null,
    oemTableId: null,
    oemRevision: null,
    length: null,
    checksumValid: null,
    fields: {},
    // Until the Signature line is found, the section's title line (two lines above `start`).
    at: { file, line: Math.max(1, start - 1) },
  };
  const fieldLines = new Map<string, number>();
  let mapper: TextFieldMapper | null = null;
  let first = true;
  let last = Math.max(0, start - 2); // index of the last line read; the title to begin with
  let rawLength: number | null = null;
  const raw: number[] = [];
  for (let i = start; i < end; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (trimmed === "") continue;
    last = i;
    if (rawLength !== null) {
      if (raw.length < rawLength) readHexLine(trimmed, raw, rawLength);
      continue;
    }
    if (trimmed.startsWith("Raw Table Data:")) {
      rawLength = rawDataLength(trimmed);
      continue;
    }
    if (!trimmed.startsWith("[")) continue;
    const field = parseFieldLine(trimmed);
    if (field === null) {
      diagnostics.push({
        code: "HCL_E_EVIDENCE_MALFORMED",
        file,
        line: i + 1,
        message: `${file} line ${i + 1}: a field line of table ${sectionName} cannot be read`,
        expected: "[offset offset length]  Field Name : value",
      });
      continue;
    }
    if (first && field.name === "Signature") table.at = { file, line: i + 1 };
    first = false;
    if (field.offset < 36 && readHeaderField(table, field)) continue;
    mapper ??= new TextFieldMapper(table.signature);
    const key = mapper.accept(field.name, field.value, field.size);
    if (key !== null) fieldLines.set(key, i + 1);
  }
  if (mapper !== null) table.fields = mapper.fields();
  const line = table.at.line ?? 1;
  if (last + 1 > line) table.at = { file, line, endLine: last + 1 };
  if (rawLength !== null && raw.length < rawLength)
    diagnostics.push({
      code: "HCL_E_EVIDENCE_TRUNCATED",
      file,
      line: last + 1,
      message: `${file}: the raw data of table ${sectionName} stops after ${raw.length} of its ${rawLength} bytes`,
      expected: `${rawLength} bytes of hex after "Raw Table Data"`,
    });
  else if (rawLength !== null && table.length === rawLength)
    table.checksumValid = checksumOf(table.signature, raw);
  return { table, fieldLines };
}

function parseFieldLine(trimmed: string): FieldLine | null {
  const close = trimmed.indexOf("]");
  if (close < 0) return null;
  const prefix = trimmed.slice(1, close).trim().split(/\s+/);
  const rest = trimmed.slice(close + 1);
  let colon = rest.indexOf(" : ");
  let skip = 3;
  if (colon < 0) {
    colon = rest.indexOf(":");
    skip = 1;
  }
  if (colon < 0 || prefix.length < 2) return null;
  const offset = Number.parseInt(prefix[prefix.length >= 3 ? 1 : 0] as string, 10);
  const sizeText = prefix.length >= 3 ? (prefix[2] as string) : (prefix[1] as string);
  const size = sizeText.endsWith("h")
    ? Number.parseInt(sizeText.slice(0, -1), 16)
    : Number.parseInt(sizeText, 10);
  if (!Number.isFinite(offset)) return null;
  const name = rest.slice(0, colon).trim().replace(" (decoded below)", "");
  return {
    offset,
    size: Number.isFinite(size) && size > 0 ? size : null,
    name,
    value: rest.slice(colon + skip).trim(),
  };
}

/** Header fields (ACPI spec §5.2.6; FACS §5.2.10, RSDP §5.2.5.3); true when it was one. */
function readHeaderField(table: AcpiTable, field: FieldLine): boolean {
  switch (field.name) {
    case "Signature": {
      const signature = quoted(field.value, false);
      if (signature !== null && signature !== "") table.signature = signature;
      return true;
    }
    case "Table Length":
    case "Length":
      table.length = hexInt(field.value);
      return true;
    case "Revision":
    case "Version":
      table.revision = hexInt(field.value);
      return true;
    case "Oem ID":
      table.oemId = quoted(field.value, true);
      return true;
    case "Oem Table ID":
      table.oemTableId = quoted(field.value, true);
      return true;
    case "Oem Revision":
      table.oemRevision = hexInt(field.value);
      return true;
    case "Checksum":
      // iasl appends "/* Incorrect checksum, should be XX */" when the sum is wrong.
      if (field.value.includes("Incorrect")) table.checksumValid = false;
      return true;
    default:
      // Compiler id and revision, FACS and RSDP specifics: nothing hclkit keeps.
      return true;
  }
}

/** The text between the first pair of double quotes; trailing spaces dropped when `trim`. */
function quoted(value: string, trim: boolean): string | null {
  const open = value.indexOf('"');
  const close = open < 0 ? -1 : value.indexOf('"', open + 1);
  if (close < 0) return null;
  const text = value.slice(open + 1, close);
  return trim ? text.trimEnd() : text;
}

function hexInt(value: string): number | null {
  const token = value.split(" ", 1)[0] ?? "";
  if (!/^[0-9A-Fa-f]{1,13}$/.test(token)) return null;
  return Number.parseInt(token, 16);
}

/** `Raw Table Data: Length 128 (0x80)` → 128. */
function rawDataLength(trimmed: string): number | null {
  const match = /^Raw Table Data: Length (\d{1,9})/.exec(trimmed);
  return match === null ? null : Number(match[1]);
}

/**
 * One line of the hex dump, `0000: 44 4D 41 52 …  // DMAR…` (or with the ASCII column after two
 * spaces and no `//`): appends up to 16 bytes, never more than `want` in all; a line whose offset
 * is not the count read so far is ignored.
 */
function readHexLine(trimmed: string, raw: number[], want: number): void {
  const colon = trimmed.indexOf(": ");
  if (colon < 4 || colon > 8) return;
  const offset = Number.parseInt(trimmed.slice(0, colon), 16);
  if (offset !== raw.length) return;
  const body = trimmed.slice(colon + 2);
  for (let k = 0; k < 16 && raw.length < want; k++) {
    const pair = body.slice(k * 3, k * 3 + 2);
    const after = body.charAt(k * 3 + 2);
    if (!/^[0-9A-Fa-f]{2}$/.test(pair) || (after !== " " && after !== "")) return;
    raw.push(Number.parseInt(pair, 16));
  }
}

function checksumOf(signature: string, raw: readonly number[]): boolean | null {
  if (signature === "FACS") return null;
  const length = signature === "RSD PTR " ? 20 : raw.length;
  let sum = 0;
  for (let i = 0; i < length; i++) sum = (sum + (raw[i] as number)) & 0xff;
  return sum === 0;
}
