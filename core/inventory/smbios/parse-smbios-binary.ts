import type { Parsed } from "../common.js";
import { buildSmbios } from "./build-smbios.js";
import { hexOf, latin1At, printable, u16, u32 } from "./bytes.js";
import { decodeFormatted } from "./decode-formatted.js";
import { DiagnosticList } from "./diagnostic-list.js";
import { structureName } from "./dsp0134-names.js";
import type { Smbios, SmbiosStructure } from "./schema.js";

/** What the entry point says about the table (DSP0134 §5.2). */
interface EntryPoint {
  readonly version: string | null;
  /** Structures announced (32-bit and legacy entry points); `null` for `_SM3_`. */
  readonly count: number | null;
  /** Table length announced (maximum length for `_SM3_`). */
  readonly length: number | null;
  /** `_SM3_` tables end at the End Of Table structure (DSP0134 §5.2.2). */
  readonly stopAtEnd: boolean;
}

/**
 * String indexes (offsets in the formatted area) and byte ranges that identify one machine or
 * part: serial numbers, asset tags, the system UUID, the SBDS serial number. They are masked, as
 * hw-probe masks them, so that no report carries them.
 */
const PRIVATE: Readonly<Record<number, { strings: number[]; bytes?: [number, number] }>> = {
  1: { strings: [0x07], bytes: [0x08, 0x18] },
  2: { strings: [0x07, 0x08] },
  3: { strings: [0x07, 0x08] },
  4: { strings: [0x20, 0x21] },
  17: { strings: [0x18, 0x19] },
  22: { strings: [0x07], bytes: [0x10, 0x12] },
};

/**
 * Reads a raw SMBIOS structure table (`/sys/firmware/dmi/tables/DMI`, or the table part of a
 * `dmidecode --dump-bin` file) into the {@link Smbios} section. `entryPoint` is the kernel's
 * `smbios_entry_point` (`_SM_`, `_SM3_` or legacy `_DMI_`): it gives the version and how many
 * structures to expect. Every structure keeps its formatted area as `data` and its string set;
 * the standard types the views use are decoded into `fields` with dmidecode's wording. Lengths
 * and string sets are bounds-checked: a short structure, a string set without its double NUL, or
 * a table cut short ends the walk with a diagnostic, and what was read before is kept.
 *
 * @public
 */
export function parseSmbiosTable(
  table: Uint8Array,
  file: string,
  entryPoint: Uint8Array | null,
): Parsed<Smbios> {
  const diagnostics = new DiagnosticList(file);
  const ep = entryPoint === null ? null : readEntryPoint(entryPoint, diagnostics);
  const count = ep?.count ?? null;
  const announced = ep?.length ?? null;
  // Only 32-bit entry points announce the exact length; `_SM3_` gives a maximum.
  if (count !== null && announced !== null && table.length < announced)
    diagnostics.add(
      "HCL_E_EVIDENCE_TRUNCATED",
      `the table has ${table.length} bytes, its entry point announces ${announced}`,
    );
  const structures: SmbiosStructure[] = [];
  let sawEnd = false;
  let offset = 0;
  while (offset + 4 <= table.length && (count === null || structures.length < count)) {
    const type = table[offset] as number;
    const length = table[offset + 1] as number;
    const handle = u16(table, offset + 2) as number;
    const where = `structure ${structures.length + 1} (type ${type}) at byte ${offset}`;
    if (length < 4) {
      diagnostics.add(
        "HCL_E_EVIDENCE_MALFORMED",
        `${where} has length ${length}; the rest of the table cannot be located`,
        {
          expected: "a formatted-area length of at least 4",
        },
      );
      break;
    }
    if (offset + length > table.length) {
      diagnostics.add("HCL_E_EVIDENCE_TRUNCATED", `${where} runs past the end of the table`);
      break;
    }
    const formatted = table.slice(offset, offset + length);
    const end = doubleNul(table, offset + length);
    if (end < 0) {
      diagnostics.add(
        "HCL_E_EVIDENCE_TRUNCATED",
        `${where}: its string set has no closing double NUL`,
      );
      structures.push(structure(type, handle, formatted, null, file));
      break;
    }
    const strings = splitStrings(table.subarray(offset + length, end));
    structures.push(structure(type, handle, formatted, strings, file));
    offset = end + 2;
    if (type === 127) {
      sawEnd = true;
      if (ep === null || ep.stopAtEnd) break;
    }
  }
  if (structures.length === 0 && ep === null)
    return { value: null, diagnostics: diagnostics.done() };
  const complete = sawEnd || (count !== null && structures.length >= count);
  const value = buildSmbios({ version: ep?.version ?? null, complete, structures, at: { file } });
  return { value, diagnostics: diagnostics.done() };
}

/** Index of the first of two NUL bytes at or after `from`, or -1 when the table ends first. */
function doubleNul(table: Uint8Array, from: number): number {
  for (let i = from; i + 1 < table.length; i++) if (table[i] === 0 && table[i + 1] === 0) return i;
  return -1;
}

/** The strings of a string set without its final NULs, filtered as dmidecode prints them. */
function splitStrings(set: Uint8Array): string[] {
  if (set.length === 0) return [];
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= set.length; i++) {
    if (i === set.length || set[i] === 0) {
      out.push(printable(set.subarray(start, i)));
      start = i + 1;
    }
  }
  return out;
}

function structure(
  type: number,
  handle: number,
  formatted: Uint8Array,
  strings: string[] | null,
  file: string,
): SmbiosStructure {
  const hidden = PRIVATE[type];
  if (hidden !== undefined && strings !== null) {
    for (const offset of hidden.strings) {
      const index = offset < formatted.length ? (formatted[offset] as number) : 0;
      if (index > 0 && index <= strings.length) strings[index - 1] = "--";
    }
    const [from, to] = hidden.bytes ?? [0, 0];
    formatted.fill(0, Math.min(from, formatted.length), Math.min(to, formatted.length));
  }
  return {
    handle,
    type,
    length: formatted.length,
    name: structureName(type),
    fields: strings === null ? {} : decodeFormatted(type, formatted, strings),
    data: hexOf(formatted),
    strings,
    at: { file },
  };
}

function readEntryPoint(ep: Uint8Array, diagnostics: DiagnosticList): EntryPoint | null {
  const checksum = (length: number, from = 0): void => {
    let sum = 0;
    for (let i = from; i < from + length && i < ep.length; i++) sum += ep[i] as number;
    if (sum % 256 !== 0)
      diagnostics.add("HCL_E_EVIDENCE_MALFORMED", "the SMBIOS entry point's checksum is wrong");
  };
  if (latin1At(ep, 0, 5) === "_SM3_" && ep.length >= 0x18) {
    checksum(Math.min(ep[6] as number, ep.length));
    const version = `${ep[7]}.${ep[8]}.${ep[9]}`;
    return { version, count: null, length: u32(ep, 0x0c), stopAtEnd: true };
  }
  if (latin1At(ep, 0, 4) === "_SM_" && ep.length >= 0x1e) {
    checksum(Math.min(ep[5] as number, ep.length));
    checksum(0x0f, 0x10);
    const version = `${ep[6]}.${ep[7]}`;
    return { version, count: u16(ep, 0x1c), length: u16(ep, 0x16), stopAtEnd: false };
  }
  if (latin1At(ep, 0, 5) === "_DMI_" && ep.length >= 0x0f) {
    checksum(0x0f);
    const bcd = ep[0x0e] as number;
    return {
      version: `${bcd >> 4}.${bcd & 0x0f}`,
      count: u16(ep, 0x0c),
      length: u16(ep, 0x06),
      stopAtEnd: false,
    };
  }
  diagnostics.add(
    "HCL_E_EVIDENCE_MALFORMED",
    "the SMBIOS entry point has no `_SM_`, `_SM3_` or `_DMI_` anchor",
    {
      expected: "a 31-byte `_SM_` or 24-byte `_SM3_` entry point",
    },
  );
  return null;
}
