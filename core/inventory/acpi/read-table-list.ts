import type { SourceRef } from "../common.js";
import type { AcpiTable } from "./schema.js";

/** The list of tables at the top of hw-probe's `acpidump_decoded` (`acpixtract -l`). */
export interface TableList {
  /** One header per listed table, cited at its line. */
  readonly tables: AcpiTable[];
  /** The total the list ends with (`Found 21 ACPI tables…`); `null` when that line is missing. */
  readonly total: number | null;
  /** From the column header line to the total line (or the last entry). */
  readonly at: SourceRef | null;
}

/** `Found 21 ACPI tables in acpidump`, or older `Found 21 ACPI tables`. */
const TOTAL = /^Found (\d{1,4}) ACPI tables?\b/;

/**
 * Reads the table list in `lines[start, end)`, in either layout acpixtract has printed:
 *
 * ```
 *  01)  SSDT  0x00000259  0x01  "PmRef "  "Cpu0Tst "  0x00003000  "INTL"   0x20061109
 *    RSDT   0x00000058     0x01    "LENOVO"  "CB-01   "   0x00000001    "    "     0x01000013
 * ```
 *
 * Entries are read only after the column header (`Signature  Length …`); numbers in order are
 * length, revision, OEM revision; quoted strings in order are OEM id and OEM table id (the FACS
 * has only a length, the RSDP only an OEM id).
 *
 * @public
 */
export function readTableList(
  lines: readonly string[],
  start: number,
  end: number,
  file: string,
): TableList {
  const tables: AcpiTable[] = [];
  let header: number | null = null;
  let total: number | null = null;
  let last: number | null = null;
  for (let i = start; i < end; i++) {
    const trimmed = (lines[i] as string).trim();
    if (header === null) {
      if (trimmed.startsWith("Signature") && trimmed.includes("Length")) header = i;
      continue;
    }
    const found = TOTAL.exec(trimmed);
    if (found !== null) {
      total = Number(found[1]);
      last = i;
      break;
    }
    const table = listEntry(trimmed, file, i + 1);
    if (table !== null) {
      tables.push(table);
      last = i;
    }
  }
  const at: SourceRef | null =
    header === null
      ? null
      : last !== null && last > header
        ? { file, line: header + 1, endLine: last + 1 }
        : { file, line: header + 1 };
  return { tables, total, at };
}

function listEntry(trimmed: string, file: string, line: number): AcpiTable | null {
  const tokens = tokenize(trimmed);
  if (tokens.length > 0 && /^\d{1,4}\)$/.test(tokens[0] as string)) tokens.shift();
  const signature = tokens.shift();
  if (signature === undefined || !/^[\x21-\x7e]{4}$/.test(signature)) return null;
  const numbers: number[] = [];
  const strings: string[] = [];
  for (const token of tokens) {
    if (token.startsWith('"')) strings.push(token.slice(1, -1).trimEnd());
    else if (/^0[xX][0-9A-Fa-f]{1,8}$/.test(token)) numbers.push(Number.parseInt(token, 16));
    else return null;
  }
  if (numbers.length === 0 && strings.length === 0) return null;
  return {
    // The list names the RSDP by its short name; its real signature is 8 characters.
    signature: signature === "RSDP" ? "RSD PTR " : signature,
    length: numbers[0] ?? null,
    revision: numbers[1] ?? null,
    oemRevision: numbers[2] ?? null,
    oemId: strings[0] ?? null,
    oemTableId: strings[1] ?? null,
    checksumValid: null,
    fields: {},
    at: { file, line },
  };
}

/** Whitespace-separated tokens; a `"…"` string (which may hold spaces) is one token. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.charAt(i) === " " || text.charAt(i) === "\t") {
      i++;
      continue;
    }
    let j: number;
    if (text.charAt(i) === '"') {
      const close = text.indexOf('"', i + 1);
      j = close < 0 ? text.length : close + 1;
      if (close < 0) return [];
    } else {
      j = i;
      while (j < text.length && text.charAt(j) !== " " && text.charAt(j) !== "\t") j++;
    }
    tokens.push(text.slice(i, j));
    i = j;
  }
  return tokens;
}
