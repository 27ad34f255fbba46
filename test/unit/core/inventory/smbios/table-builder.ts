import {
  chassisTypeCode,
  chemistryName,
  connectorTypeName,
  memoryTypeName,
  portTypeName,
  processorCharacteristics,
} from "../../../../../core/inventory/smbios/dsp0134-names.js";
import { bytesOfHex } from "../../../../../core/inventory/smbios/bytes.js";
import type { SmbiosStructure } from "../../../../../core/inventory/smbios/schema.js";

/**
 * Builds binary SMBIOS tables for tests: from structures read out of real dmidecode dumps (OEM
 * structures byte for byte from their `Header and Data` and `Strings`; the standard types the
 * inventory decodes re-encoded from their printed fields per DSP0134), and the 32-byte `_SM_`
 * entry point that `dmidecode --dump-bin` writes in front of the table (table at offset 32).
 */

/** One structure ready to be laid out: formatted area and string set. */
export interface RawStructure {
  readonly formatted: Uint8Array;
  readonly strings: readonly string[];
}

/** Lays out structures as a table: formatted area, strings NUL-terminated, a closing NUL. */
export function layout(structures: readonly RawStructure[]): Uint8Array {
  const parts: number[] = [];
  for (const s of structures) {
    parts.push(...s.formatted);
    if (s.strings.length === 0) parts.push(0, 0);
    else {
      for (const text of s.strings) parts.push(...Buffer.from(text, "latin1"), 0);
      parts.push(0);
    }
  }
  return Uint8Array.from(parts);
}

/** A 31-byte `_SM_` entry point (DSP0134 §5.2.1) padded to 32, with valid checksums. */
export function entryPoint32(
  table: Uint8Array,
  count: number,
  version: readonly [number, number],
  address = 32,
): Uint8Array {
  const ep = new Uint8Array(32);
  ep.set(Buffer.from("_SM_", "latin1"), 0);
  ep[5] = 0x1f;
  ep[6] = version[0];
  ep[7] = version[1];
  ep.set(Buffer.from("_DMI_", "latin1"), 0x10);
  new DataView(ep.buffer).setUint16(0x16, table.length, true);
  new DataView(ep.buffer).setUint32(0x18, address, true);
  new DataView(ep.buffer).setUint16(0x1c, count, true);
  ep[0x1e] = (version[0] << 4) | version[1];
  ep[0x15] = (256 - (sum(ep.subarray(0x10, 0x1f)) % 256)) % 256;
  ep[4] = (256 - (sum(ep.subarray(0, 0x1f)) % 256)) % 256;
  return ep;
}

function sum(bytes: Uint8Array): number {
  return bytes.reduce((a, b) => a + b, 0);
}

/** A string set being built: `add` gives the index a structure stores (0 = no string). */
class StringSet {
  readonly list: string[] = [];
  add(value: string | string[] | undefined): number {
    if (typeof value !== "string" || value === "Not Specified") return 0;
    this.list.push(value);
    return this.list.length;
  }
}

function codeOf(name: string | string[] | undefined, table: (code: number) => string): number {
  for (let code = 0; code < 256; code++) if (table(code) === name) return code;
  return 0;
}

function leadingNumber(value: string | string[] | undefined): number {
  return typeof value === "string" ? Number(/^(\d+)/.exec(value)?.[1] ?? 0) : 0;
}

function header(type: number, length: number, handle: number): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes[0] = type;
  bytes[1] = length;
  new DataView(bytes.buffer).setUint16(2, handle, true);
  return bytes;
}

/**
 * The binary form of a structure read from dmidecode's text: its own bytes when the dump shows
 * them, a re-encoding of its fields for types 0–4, 8, 17 and 22, an empty body for Inactive and
 * End Of Table; `null` for other types printed without bytes.
 */
export function encode(s: SmbiosStructure, handle = s.handle ?? 0xfffe): RawStructure | null {
  if (s.data !== null) return { formatted: bytesOfHex(s.data), strings: s.strings ?? [] };
  const f = s.fields;
  const set = new StringSet();
  const w16 = (b: Uint8Array, at: number, v: number): void => {
    if (at + 2 <= b.length) new DataView(b.buffer).setUint16(at, v, true);
  };
  let b: Uint8Array;
  switch (s.type) {
    case 0: {
      b = header(0, 0x18, handle);
      b[4] = set.add(f["Vendor"]);
      b[5] = set.add(f["Version"]);
      w16(b, 6, 0xe800);
      b[8] = set.add(f["Release Date"]);
      b[9] = 0x0f;
      b[0x0a] = 0x08;
      for (const [key, at] of [
        ["BIOS Revision", 0x14],
        ["Firmware Revision", 0x16],
      ] as const) {
        const m = /^(\d+)\.(\d+)$/.exec(String(f[key] ?? ""));
        b[at] = m === null ? 0xff : Number(m[1]);
        b[at + 1] = m === null ? 0xff : Number(m[2]);
      }
      break;
    }
    case 1:
      b = header(1, 0x1b, handle);
      b[4] = set.add(f["Manufacturer"]);
      b[5] = set.add(f["Product Name"]);
      b[6] = set.add(f["Version"]);
      b[7] = set.add(f["Serial Number"]);
      b[0x18] = 0x06;
      b[0x19] = set.add(f["SKU Number"]);
      b[0x1a] = set.add(f["Family"]);
      break;
    case 2:
      b = header(2, 0x08, handle);
      b[4] = set.add(f["Manufacturer"]);
      b[5] = set.add(f["Product Name"]);
      b[6] = set.add(f["Version"]);
      b[7] = set.add(f["Serial Number"]);
      break;
    case 3:
      b = header(3, 0x09, handle);
      b[4] = set.add(f["Manufacturer"]);
      b[5] = (chassisTypeCode(String(f["Type"])) ?? 2) | (f["Lock"] === "Present" ? 0x80 : 0);
      b[6] = set.add(f["Version"]);
      break;
    case 4: {
      // Keep the dump's length: an SMBIOS 2.4 record has no core counts to decode.
      b = header(4, Math.max(0x1a, s.length ?? 0x2a), handle);
      b[4] = set.add(f["Socket Designation"]);
      b[5] = 0x03;
      b[6] = 0x02;
      b[7] = set.add(f["Manufacturer"]);
      b[0x10] = set.add(f["Version"]);
      w16(b, 0x14, leadingNumber(f["Max Speed"]));
      b[0x18] = 0x41;
      b[0x22] = set.add(f["Part Number"]);
      b[0x23] = leadingNumber(f["Core Count"]);
      b[0x24] = leadingNumber(f["Core Enabled"]);
      b[0x25] = leadingNumber(f["Thread Count"]);
      const list = Array.isArray(f["Characteristics"]) ? f["Characteristics"] : [];
      let bits = 0;
      for (let bit = 2; bit <= 9; bit++)
        if (list.includes(processorCharacteristics(1 << bit)[0] as string)) bits |= 1 << bit;
      w16(b, 0x26, bits);
      break;
    }
    case 8:
      b = header(8, 0x09, handle);
      b[4] = set.add(f["Internal Reference Designator"]);
      b[5] = codeOf(f["Internal Connector Type"], connectorTypeName);
      b[6] = set.add(f["External Reference Designator"]);
      b[7] = codeOf(f["External Connector Type"], connectorTypeName);
      b[8] = codeOf(f["Port Type"], portTypeName);
      break;
    case 17: {
      b = header(17, 0x1c, handle);
      w16(b, 4, 0xfffe);
      w16(b, 6, 0xfffe);
      w16(b, 8, 64);
      w16(b, 0x0a, 64);
      const size = String(f["Size"] ?? "Unknown");
      const m = /^(\d+) (kB|MB|GB)$/.exec(size);
      const unit = m?.[2];
      const n = Number(m?.[1] ?? 0);
      w16(
        b,
        0x0c,
        m === null
          ? size === "No Module Installed"
            ? 0
            : 0xffff
          : unit === "kB"
            ? 0x8000 | n
            : unit === "GB"
              ? n * 1024
              : n,
      );
      b[0x0e] = 0x0d;
      b[0x10] = set.add(f["Locator"]);
      b[0x11] = set.add(f["Bank Locator"]);
      b[0x12] = codeOf(f["Type"], memoryTypeName);
      w16(b, 0x15, leadingNumber(f["Speed"]));
      b[0x17] = set.add(f["Manufacturer"]);
      b[0x1a] = set.add(f["Part Number"]);
      break;
    }
    case 22: {
      b = header(22, 0x1a, handle);
      b[4] = set.add(f["Location"]);
      b[5] = set.add(f["Manufacturer"]);
      b[6] = set.add(f["Manufacture Date"]);
      b[8] = set.add(f["Name"]);
      b[9] = f["SBDS Chemistry"] === undefined ? codeOf(f["Chemistry"], chemistryName) : 0x02;
      const capacity = leadingNumber(f["Design Capacity"]);
      let multiplier = 1;
      while (capacity / multiplier > 0xffff) multiplier++;
      w16(b, 0x0a, Math.round(capacity / multiplier));
      b[0x15] = multiplier;
      w16(b, 0x0c, leadingNumber(f["Design Voltage"]));
      b[0x0e] = set.add(f["SBDS Version"]);
      b[0x0f] = 0xff;
      const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(f["SBDS Manufacture Date"] ?? ""));
      if (date !== null)
        w16(b, 0x12, ((Number(date[1]) - 1980) << 9) | (Number(date[2]) << 5) | Number(date[3]));
      if (b[9] === 0x02) b[0x14] = set.add(f["SBDS Chemistry"]);
      break;
    }
    case 126:
    case 127:
      b = header(s.type, s.length ?? 4, handle);
      break;
    default:
      return null;
  }
  return { formatted: b, strings: set.list };
}
