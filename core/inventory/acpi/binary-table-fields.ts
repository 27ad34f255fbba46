import type { Diagnostic } from "../common.js";
import type { ByteReader } from "./byte-reader.js";

/**
 * Most DRHD units read from one DMAR table. A unit serves a PCI segment or a group of devices;
 * real platforms have a handful. Past this, the table is not one a platform ships.
 */
export const MAX_DRHD_UNITS = 256;

/** Offset of the first byte after the common 36-byte table header (ACPI spec §5.2.6). */
const HEADER = 36;

/**
 * The fields hclkit keeps of a binary TCPA, TPM2, DMAR or FACP table, under the keys listed on
 * `AcpiTableSchema`; `{}` for other signatures. A field the bytes do not reach is left out and
 * reported as truncated; a sub-structure whose own length is impossible stops the walk.
 *
 * @public
 */
export function decodeBinaryFields(
  signature: string,
  revision: number | null,
  reader: ByteReader,
  file: string,
  diagnostics: Diagnostic[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  const put = (key: string, value: string | null): void => {
    if (value !== null) fields[key] = value;
    else
      diagnostics.push({
        code: "HCL_E_EVIDENCE_TRUNCATED",
        file,
        message: `${file}: the ${signature} table ends before its field ${key}`,
        expected: `a ${signature} table holding ${key}`,
      });
  };
  switch (signature) {
    case "FACP":
      // acpi_table_fadt (ACPICA actbl.h): preferred_profile at 45, flags at 112.
      put("pmProfile", reader.hex(45, 1));
      put("flags", reader.hex(112, 4));
      break;
    case "TCPA":
      decodeTcpa(reader, put);
      break;
    case "TPM2":
      decodeTpm2(revision, reader, put);
      break;
    case "DMAR":
      decodeDmar(reader, file, put, diagnostics);
      break;
  }
  return fields;
}

type Put = (key: string, value: string | null) => void;

/** TCG ACPI spec, ACPICA actbl2.h `acpi_table_tcpa_client` / `acpi_table_tcpa_server`. */
function decodeTcpa(reader: ByteReader, put: Put): void {
  const platformClass = reader.hex(HEADER, 2);
  put("platformClass", platformClass);
  if (platformClass === "0001") {
    // Server: reserved u16, minimum_log_length u64, log_address u64.
    put("minimumLogLength", reader.hex(40, 8));
    put("logAddress", reader.hex(48, 8));
  } else {
    put("minimumLogLength", reader.hex(38, 4));
    put("logAddress", reader.hex(42, 8));
  }
}

/** TCG ACPI spec §8, ACPICA actbl3.h `acpi_table_tpm2` and the optional log-area trailer. */
function decodeTpm2(revision: number | null, reader: ByteReader, put: Put): void {
  // Before revision 4 the u32 at 36 is "flags" (reserved); from 4 its low half is the class.
  if (revision !== null && revision >= 4) put("platformClass", reader.hex(HEADER, 2));
  put("controlAddress", reader.hex(40, 8));
  put("startMethod", reader.hex(48, 4));
  // Start-method parameters (12 bytes at 52), then LAML u32 at 64 and LASA u64 at 68.
  if (reader.length >= 76) {
    put("minimumLogLength", reader.hex(64, 4));
    put("logAddress", reader.hex(68, 8));
  }
}

/** Intel VT-d spec §8.1–8.3, ACPICA actbl1.h `acpi_table_dmar`, `acpi_dmar_hardware_unit`. */
function decodeDmar(reader: ByteReader, file: string, put: Put, diagnostics: Diagnostic[]): void {
  put("hostAddressWidth", reader.hex(HEADER, 1));
  put("flags", reader.hex(HEADER + 1, 1));
  let offset = 48;
  let unit = 0;
  while (offset + 4 <= reader.length) {
    const type = reader.uint(offset, 2) as number;
    const length = reader.uint(offset + 2, 2) as number;
    if (length < 4 || offset + length > reader.length) {
      diagnostics.push({
        code: length < 4 ? "HCL_E_EVIDENCE_MALFORMED" : "HCL_E_EVIDENCE_TRUNCATED",
        file,
        message: `${file}: DMAR remapping structure at offset ${offset} has length ${length}; the rest of the table is skipped`,
        expected: `a length from 4 to ${reader.length - offset}`,
      });
      return;
    }
    if (type === 0 && unit === MAX_DRHD_UNITS) {
      diagnostics.push({
        code: "HCL_E_EVIDENCE_MALFORMED",
        file,
        message: `${file}: DMAR has more than ${MAX_DRHD_UNITS} DRHD units; the others are skipped`,
        expected: `at most ${MAX_DRHD_UNITS} remapping hardware units`,
      });
      return;
    }
    if (type === 0) {
      // ACPI_DMAR_TYPE_HARDWARE_UNIT (DRHD): flags u8, size u8, segment u16, address u64, scopes.
      const key = `drhd[${unit++}]`;
      put(`${key}.flags`, reader.hex(offset + 4, 1));
      put(`${key}.segment`, reader.hex(offset + 6, 2));
      put(`${key}.address`, reader.hex(offset + 8, 8));
      put(`${key}.scope`, deviceScopes(reader, offset + 16, offset + length, file, diagnostics));
    }
    offset += length;
  }
}

/** `acpi_dmar_device_scope` entries as `type@bus:dev.fn[/dev.fn…]`, space-separated. */
function deviceScopes(
  reader: ByteReader,
  start: number,
  end: number,
  file: string,
  diagnostics: Diagnostic[],
): string {
  const scopes: string[] = [];
  let offset = start;
  while (offset + 6 <= end) {
    const length = reader.uint(offset + 1, 1) as number;
    if (length < 6 || offset + length > end) {
      diagnostics.push({
        code: "HCL_E_EVIDENCE_MALFORMED",
        file,
        message: `${file}: DMAR device scope at offset ${offset} has length ${length}; the unit's other scopes are skipped`,
        expected: `a length from 6 to ${end - offset}`,
      });
      break;
    }
    const hops: string[] = [];
    for (let p = offset + 6; p + 1 < offset + length; p += 2)
      hops.push(`${reader.hex(p, 1) as string}.${(reader.uint(p + 1, 1) as number).toString(16)}`);
    scopes.push(
      `${reader.hex(offset, 1) as string}@${reader.hex(offset + 5, 1) as string}:${hops.join("/")}`,
    );
    offset += length;
  }
  return scopes.join(" ");
}
