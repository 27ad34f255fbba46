import { printable, u16, u32, u8 } from "./bytes.js";
import {
  chassisTypeName,
  chemistryName,
  connectorTypeName,
  memoryTypeName,
  portTypeName,
  processorCharacteristics,
} from "./dsp0134-names.js";

/** Fields of one structure, keyed and worded as dmidecode prints them. */
type Fields = Record<string, string | string[]>;

/**
 * Decodes the formatted area of the standard structures the inventory's views use (types 0, 1,
 * 2, 3, 4, 8, 17, 22, 43) into dmidecode's keys and wording, per DSP0134 §7 (offsets are the
 * specification's, header included). A field is decoded only when the structure is long enough
 * to hold it, as the specification's version history allows. Serial numbers, asset tags and the
 * UUID are not decoded. Other types give no fields.
 *
 * @public
 */
export function decodeFormatted(
  type: number,
  bytes: Uint8Array,
  strings: readonly string[],
): Fields {
  const decode = DECODERS[type];
  if (decode === undefined) return {};
  const fields: Fields = {};
  decode({ bytes, length: bytes.length, strings, fields });
  return fields;
}

interface Area {
  readonly bytes: Uint8Array;
  readonly length: number;
  readonly strings: readonly string[];
  readonly fields: Fields;
}

/** String `index` of the set, as dmidecode prints it (`dmi_string`): 0 is `Not Specified`. */
function str(area: Area, offset: number): string {
  const index = u8(area.bytes, offset) ?? 0;
  if (index === 0) return "Not Specified";
  const value = area.strings[index - 1];
  return value === undefined || value === "" ? "<BAD INDEX>" : value;
}

function byte(area: Area, offset: number): number {
  return u8(area.bytes, offset) ?? 0;
}

function word(area: Area, offset: number): number {
  return u16(area.bytes, offset) ?? 0;
}

/**
 * A size in kB as dmidecode's `dmi_print_memory_size` words it: the largest power-of-1024 unit
 * that keeps the value whole, or the next one down when two units are non-zero (`1536 MB`).
 */
function memorySize(kB: number): string {
  const units = ["kB", "MB", "GB", "TB", "PB"];
  const parts: number[] = [];
  for (let v = kB, i = 0; i < units.length; i++, v = Math.floor(v / 1024)) parts.push(v % 1024);
  let top = parts.length - 1;
  while (top > 0 && parts[top] === 0) top--;
  if (top > 0 && parts[top - 1] !== 0)
    return `${(parts[top - 1] as number) + (parts[top] as number) * 1024} ${units[top - 1]}`;
  return `${parts[top]} ${units[top]}`;
}

const DECODERS: Readonly<Record<number, (area: Area) => void>> = {
  /** §7.1 BIOS Information. */
  0: (a) => {
    if (a.length < 0x12) return;
    a.fields["Vendor"] = str(a, 0x04);
    a.fields["Version"] = str(a, 0x05);
    a.fields["Release Date"] = str(a, 0x08);
    if (a.length < 0x18) return;
    if (byte(a, 0x14) !== 0xff && byte(a, 0x15) !== 0xff)
      a.fields["BIOS Revision"] = `${byte(a, 0x14)}.${byte(a, 0x15)}`;
    if (byte(a, 0x16) !== 0xff && byte(a, 0x17) !== 0xff)
      a.fields["Firmware Revision"] = `${byte(a, 0x16)}.${byte(a, 0x17)}`;
  },
  /** §7.2 System Information (serial 07h and UUID 08h left out). */
  1: (a) => {
    if (a.length < 0x08) return;
    a.fields["Manufacturer"] = str(a, 0x04);
    a.fields["Product Name"] = str(a, 0x05);
    a.fields["Version"] = str(a, 0x06);
    if (a.length < 0x1b) return;
    a.fields["SKU Number"] = str(a, 0x19);
    a.fields["Family"] = str(a, 0x1a);
  },
  /** §7.3 Base Board Information. */
  2: (a) => {
    if (a.length < 0x08) return;
    a.fields["Manufacturer"] = str(a, 0x04);
    a.fields["Product Name"] = str(a, 0x05);
    a.fields["Version"] = str(a, 0x06);
  },
  /** §7.4 Chassis Information: type in bits 6:0 of 05h, lock in bit 7. */
  3: (a) => {
    if (a.length < 0x09) return;
    a.fields["Manufacturer"] = str(a, 0x04);
    a.fields["Type"] = chassisTypeName(byte(a, 0x05));
    a.fields["Lock"] = byte(a, 0x05) & 0x80 ? "Present" : "Not Present";
    a.fields["Version"] = str(a, 0x06);
  },
  /** §7.5 Processor Information; counts above 254 live in the 2Ah/2Ch/2Eh words (3.0+). */
  4: (a) => {
    if (a.length < 0x1a) return;
    a.fields["Socket Designation"] = str(a, 0x04);
    a.fields["Manufacturer"] = str(a, 0x07);
    a.fields["Version"] = str(a, 0x10);
    a.fields["Max Speed"] = word(a, 0x14) === 0 ? "Unknown" : `${word(a, 0x14)} MHz`;
    if (a.length >= 0x23) a.fields["Part Number"] = str(a, 0x22);
    if (a.length < 0x28) return;
    const count = (offset: number, wide: number): number =>
      a.length >= wide + 2 && byte(a, offset) === 0xff ? word(a, wide) : byte(a, offset);
    if (byte(a, 0x23) !== 0) a.fields["Core Count"] = String(count(0x23, 0x2a));
    if (byte(a, 0x24) !== 0) a.fields["Core Enabled"] = String(count(0x24, 0x2c));
    if (byte(a, 0x25) !== 0) a.fields["Thread Count"] = String(count(0x25, 0x2e));
    const characteristics = processorCharacteristics(word(a, 0x26));
    a.fields["Characteristics"] = characteristics.length === 0 ? "None" : characteristics;
  },
  /** §7.9 Port Connector Information. */
  8: (a) => {
    if (a.length < 0x09) return;
    a.fields["Internal Reference Designator"] = str(a, 0x04);
    a.fields["Internal Connector Type"] = connectorTypeName(byte(a, 0x05));
    a.fields["External Reference Designator"] = str(a, 0x06);
    a.fields["External Connector Type"] = connectorTypeName(byte(a, 0x07));
    a.fields["Port Type"] = portTypeName(byte(a, 0x08));
  },
  /** §7.18 Memory Device: size word 0Ch (bit 15 = kB units; 7FFFh = see extended size 1Ch). */
  17: (a) => {
    if (a.length < 0x15) return;
    const size = word(a, 0x0c);
    if (a.length >= 0x20 && size === 0x7fff) {
      const mb = (u32(a.bytes, 0x1c) ?? 0) % 0x80000000;
      a.fields["Size"] =
        mb % 1024 !== 0
          ? `${mb} MB`
          : mb % (1024 * 1024) !== 0
            ? `${mb / 1024} GB`
            : `${mb / 1024 / 1024} TB`;
    } else if (size === 0) a.fields["Size"] = "No Module Installed";
    else if (size === 0xffff) a.fields["Size"] = "Unknown";
    else a.fields["Size"] = memorySize(size & 0x8000 ? size & 0x7fff : (size & 0x7fff) * 1024);
    a.fields["Locator"] = str(a, 0x10);
    a.fields["Bank Locator"] = str(a, 0x11);
    a.fields["Type"] = memoryTypeName(byte(a, 0x12));
    // An empty slot's remaining fields are meaningless (dmidecode skips them too).
    if (a.length < 0x17 || size === 0) return;
    const speed = word(a, 0x15);
    const extended = a.length >= 0x5c ? (u32(a.bytes, 0x54) ?? 0) : 0;
    const mts = speed === 0xffff ? extended : speed;
    a.fields["Speed"] = mts === 0 ? "Unknown" : `${mts} MT/s`;
    if (a.length < 0x1b) return;
    a.fields["Manufacturer"] = str(a, 0x17);
    a.fields["Part Number"] = str(a, 0x1a);
  },
  /** §7.23 Portable Battery: the SBDS fields (2.2+) replace the plain ones when set. */
  22: (a) => {
    if (a.length < 0x10) return;
    const sbds = a.length >= 0x1a;
    a.fields["Location"] = str(a, 0x04);
    a.fields["Manufacturer"] = str(a, 0x05);
    if (byte(a, 0x06) !== 0 || !sbds) a.fields["Manufacture Date"] = str(a, 0x06);
    a.fields["Name"] = str(a, 0x08);
    if (byte(a, 0x09) !== 0x02 || !sbds) a.fields["Chemistry"] = chemistryName(byte(a, 0x09));
    const multiplier = a.length < 0x16 ? 1 : byte(a, 0x15);
    const capacity = word(a, 0x0a) * multiplier;
    a.fields["Design Capacity"] = capacity === 0 ? "Unknown" : `${capacity} mWh`;
    a.fields["Design Voltage"] = word(a, 0x0c) === 0 ? "Unknown" : `${word(a, 0x0c)} mV`;
    a.fields["SBDS Version"] = str(a, 0x0e);
    if (!sbds) return;
    if (byte(a, 0x06) === 0) {
      const date = word(a, 0x12);
      const month = String((date >> 5) & 0x0f).padStart(2, "0");
      a.fields["SBDS Manufacture Date"] =
        `${1980 + (date >> 9)}-${month}-${String(date & 0x1f).padStart(2, "0")}`;
    }
    if (byte(a, 0x09) === 0x02) a.fields["SBDS Chemistry"] = str(a, 0x14);
  },
  /** §7.44 TPM Device (3.1+): vendor ID bytes 04h–07h, spec version 08h.09h. */
  43: (a) => {
    if (a.length < 0x1b) return;
    const vendor = a.bytes.subarray(0x04, 0x08);
    const end = vendor.indexOf(0);
    a.fields["Vendor ID"] = printable(end < 0 ? vendor : vendor.subarray(0, end));
    const major = byte(a, 0x08);
    a.fields["Specification Version"] = `${major}.${byte(a, 0x09)}`;
    if (major === 1) a.fields["Firmware Revision"] = `${byte(a, 0x0c)}.${byte(a, 0x0d)}`;
    if (major === 2) {
      const revision = u32(a.bytes, 0x0a) ?? 0;
      a.fields["Firmware Revision"] = `${Math.floor(revision / 0x10000)}.${revision & 0xffff}`;
    }
    a.fields["Description"] = str(a, 0x12);
  },
};
